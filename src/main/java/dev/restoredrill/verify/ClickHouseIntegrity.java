package dev.restoredrill.verify;

import dev.restoredrill.outcome.SecretMasker;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engine-native integrity of a restored ClickHouse, over its HTTP interface (as {@link ClickHouseProbe}, for
 * the same reason: it works with every server from 18.x on):
 * <ul>
 * <li>{@link #checkTables()}: {@code CHECK TABLE} on every MergeTree-family table, which verifies each data
 * part's checksums (ClickHouse 19.x and later; 18.16 answers "Method checkData is not supported by storage
 * MergeTree", reported as {@link IntegrityResult.Status#NOT_SUPPORTED}, never as a pass);</li>
 * <li>{@link #readAll()}: {@code SELECT count()} then {@code SELECT * … FORMAT Null} of every table with data
 * (MergeTree and Log families, Memory), which decompresses every column of every part.</li>
 * </ul>
 * The {@code system} and information_schema databases are not looked at.
 */
public final class ClickHouseIntegrity {
    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseIntegrity.class);
    static final String CHECK_TABLE = "CHECK TABLE on every MergeTree table";
    static final String FULL_READ = "full read (SELECT * FORMAT Null of every table)";
    private static final int ERROR_TEXT_LIMIT = 2000;
    private static final String TABLES = "SELECT database, name, engine FROM system.tables"
            + " WHERE database NOT IN ('system', 'INFORMATION_SCHEMA', 'information_schema')"
            + " ORDER BY database, name FORMAT TabSeparated";

    private final StoreConnections.ClickHouse clickhouse;
    private final List<String> secrets;
    private final Duration queryTimeout;
    /** The databases to probe; empty: every one. */
    private List<String> only = List.of();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public ClickHouseIntegrity(StoreConnections.ClickHouse clickhouse, List<String> secrets, Duration queryTimeout) {
        this.clickhouse = clickhouse;
        this.secrets = secrets;
        this.queryTimeout = queryTimeout;
    }

    /** The same probes on the tables of these databases only (one without tables is a failure); empty: all. */
    public ClickHouseIntegrity onlyDatabases(List<String> databases) {
        ClickHouseIntegrity narrowed = new ClickHouseIntegrity(clickhouse, secrets, queryTimeout);
        narrowed.only = List.copyOf(databases);
        return narrowed;
    }

    private record Table(String database, String name, String engine) {
        String quoted() {
            return quote(database) + "." + quote(name);
        }

        String display() {
            return database + "." + name;
        }

        boolean mergeTree() {
            return engine.endsWith("MergeTree");
        }

        boolean holdsData() {
            return mergeTree() || List.of("Log", "TinyLog", "StripeLog", "Memory").contains(engine);
        }
    }

    private record Answer(int status, String body) {
        boolean ok() {
            return status == 200;
        }
    }

    public IntegrityResult checkTables() {
        IntegrityFindings findings = new IntegrityFindings("clickhouse", CHECK_TABLE)
                .counts("MergeTree tables checked", "parts checked", "tables not supported");
        try {
            for (Table table : tables(findings)) {
                if (table.mergeTree()) {
                    checkTable(table, findings);
                }
            }
        } catch (IOException e) {
            findings.error(unreachable(e));
        }
        return findings.result();
    }

    private void checkTable(Table table, IntegrityFindings findings) throws IOException {
        // 20.x and later can name the damaged part; older servers do not know the setting (or its syntax)
        Answer answer = query("CHECK TABLE " + table.quoted()
                + " SETTINGS check_query_single_value_result = 0 FORMAT TabSeparatedWithNames");
        if (!answer.ok() && (answer.body().contains("Code: 115") || answer.body().contains("Code: 62")
                || answer.body().contains("Unknown setting"))) {
            answer = query("CHECK TABLE " + table.quoted() + " FORMAT TabSeparatedWithNames");
        }
        if (!answer.ok()) {
            if (answer.body().contains("Code: 48") || answer.body().contains("is not supported")) {
                findings.add("tables not supported", 1);
                findings.unsupported("CHECK TABLE " + table.display() + " (" + table.engine() + "): "
                        + IntegrityResult.NOT_SUPPORTED_TEXT + " (" + firstLine(answer.body()) + ").");
            } else {
                findings.add("MergeTree tables checked", 1);
                findings.fail("CHECK TABLE " + table.display() + " failed: " + firstLine(answer.body()));
            }
            return;
        }
        findings.add("MergeTree tables checked", 1);
        String[] lines = answer.body().split("\n");
        List<String> header = List.of(lines[0].split("\t", -1));
        int passed = header.indexOf(header.contains("is_passed") ? "is_passed" : "result");
        int part = header.indexOf("part_path");
        int message = header.indexOf("message");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            String[] cells = lines[i].split("\t", -1);
            if (part >= 0) {
                findings.add("parts checked", 1);
            }
            if (passed >= 0 && passed < cells.length && "0".equals(cells[passed])) {
                findings.fail("CHECK TABLE " + table.display() + ": " + (part >= 0 && part < cells.length
                        ? "part " + cells[part] + " is damaged" : "a data part is damaged")
                        + (message >= 0 && message < cells.length && !cells[message].isEmpty()
                        ? " (" + cells[message] + ")" : "") + ".");
            }
        }
    }

    public IntegrityResult readAll() {
        IntegrityFindings findings = new IntegrityFindings("clickhouse", FULL_READ)
                .counts("tables read", "rows read", "tables skipped");
        try {
            for (Table table : tables(findings)) {
                if (!table.holdsData()) {
                    findings.add("tables skipped", 1);
                    findings.note(table.display() + " (" + table.engine() + ") holds no data of its own: not read.");
                    continue;
                }
                Answer count = query("SELECT count() FROM " + table.quoted() + " FORMAT TabSeparated");
                if (!count.ok()) {
                    findings.add("tables read", 1);
                    findings.fail(table.display() + " cannot be counted: " + firstLine(count.body()));
                    continue;
                }
                long rows = Long.parseLong(count.body().strip());
                Answer read = query("SELECT * FROM " + table.quoted() + " FORMAT Null");
                findings.add("tables read", 1);
                // FORMAT Null writes nothing: any body is an exception written after the status line went out
                if (!read.ok() || !read.body().isBlank()) {
                    findings.fail(table.display() + " cannot be read in full (" + rows + " rows counted): "
                            + firstLine(read.body()) + " (a damaged part; the restored data is not sound).");
                } else {
                    findings.add("rows read", rows);
                }
            }
        } catch (IOException e) {
            findings.error(unreachable(e));
        }
        return findings.result();
    }

    private List<Table> tables(IntegrityFindings findings) throws IOException {
        Answer answer = query(TABLES);
        if (!answer.ok()) {
            throw new IOException("listing system.tables failed: " + firstLine(answer.body()));
        }
        List<Table> tables = new ArrayList<>();
        for (String line : answer.body().split("\n")) {
            String[] cells = line.split("\t", -1);
            if (cells.length >= 3) {
                tables.add(new Table(unescape(cells[0]), unescape(cells[1]), cells[2]));
            }
        }
        List<String> chosen = IntegrityFindings.chosen(tables.stream().map(Table::database).distinct().toList(), only,
                findings, "the restored server's tables");
        tables.removeIf(table -> !chosen.contains(table.database()));
        LOG.info("clickhouse integrity: {} tables", tables.size());
        return tables;
    }

    private Answer query(String sql) throws IOException {
        String credentials = clickhouse.user() + ":" + clickhouse.password();
        HttpRequest request = HttpRequest.newBuilder(URI.create(clickhouse.baseUrl().replaceAll("/+$", "") + "/"))
                .timeout(queryTimeout)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                return new Answer(response.statusCode(), readBounded(body));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for ClickHouse", e);
        }
    }

    /** Keeps the first bytes (the table list and error texts are small) and drains the rest. */
    private static String readBounded(InputStream body) throws IOException {
        byte[] kept = body.readNBytes(1 << 20);
        body.transferTo(java.io.OutputStream.nullOutputStream());
        return new String(kept, StandardCharsets.UTF_8);
    }

    private String firstLine(String text) {
        String line = text.strip();
        int newline = line.indexOf('\n');
        line = newline < 0 ? line : line.substring(0, newline);
        line = line.length() > ERROR_TEXT_LIMIT ? line.substring(0, ERROR_TEXT_LIMIT) + "..." : line;
        return SecretMasker.of(secrets).mask(line.isEmpty() ? "(no answer)" : line);
    }

    private String unreachable(IOException e) {
        return "ClickHouse at " + clickhouse.baseUrl() + " could not be queried ("
                + SecretMasker.of(secrets).mask(String.valueOf(e.getMessage()))
                + "). Check that the restored clickhouse service is running and healthy.";
    }

    private static String quote(String identifier) {
        return "`" + identifier.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }

    /** TabSeparated escapes of a name: \t, \n, \\ and the like. */
    private static String unescape(String cell) {
        if (cell.indexOf('\\') < 0) {
            return cell;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '\\' && i + 1 < cell.length()) {
                char next = cell.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case '0' -> '\0';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
