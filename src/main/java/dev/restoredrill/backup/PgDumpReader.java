package dev.restoredrill.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads plain pg_dumpall output line by line: the cluster header and footer, each database's section and
 * footer, and the rows of every COPY block. Where the text stops early it records, as a defect, the
 * database, table and line it stopped in. {@code \restrict} keys are counted, never kept.
 *
 * <p>The SQL between the COPY blocks goes through {@link PsqlScriptScanner}, which reads it as psql would:
 * it says where a COPY's data begins (only after a {@code COPY … FROM stdin} statement) and reports what a
 * pg_dumpall never holds and psql would act on (other meta-commands, COPY … TO / PROGRAM). Such a dump is
 * hostile: it is refused like a tarball with a {@code ..} entry.
 */
final class PgDumpReader implements FormatReader {
    static final String CLUSTER_HEADER = "-- PostgreSQL database cluster dump";
    static final String CLUSTER_FOOTER = "-- PostgreSQL database cluster dump complete";
    static final String DATABASE_FOOTER = "-- PostgreSQL database dump complete";
    /** Beyond this many tables only the row totals grow: memory stays bounded whatever the dump. */
    static final int MAX_TABLES_LISTED = 100_000;

    private static final byte[] CLUSTER_FOOTER_BYTES = bytes(CLUSTER_FOOTER);
    private static final byte[] DATABASE_FOOTER_BYTES = bytes(DATABASE_FOOTER);
    private static final byte[] DATABASE_HEADER_PREFIX = bytes("-- Database \"");
    private static final byte[] END_OF_COPY = bytes("\\.");
    /** psql's copy.c ends the data at "\\.\n" and at "\\.\r\n" alike. */
    private static final byte[] END_OF_COPY_CR = bytes("\\.\r");
    static final int MAX_HOSTILE_LISTED = 100;
    private static final byte[] CONNECT_PREFIX = bytes("\\connect ");
    private static final byte[] RESTRICT_PREFIX = bytes("\\restrict ");
    private static final byte[] UNRESTRICT_PREFIX = bytes("\\unrestrict ");
    private static final byte[] DUMPED_FROM_PREFIX = bytes("-- Dumped from database version ");

    private final long compressedBytes;
    private final long warnAboveBytes;

    private BoundedLineReader lines;
    private final List<PgDumpFacts.Database> databases = new ArrayList<>();
    private final List<String> defects = new ArrayList<>();
    private DatabaseSection database;
    private TableCopy copy;
    private final Deque<TableCopy> pendingCopies = new ArrayDeque<>();
    private final CopyRowEscapes rowEscapes = new CopyRowEscapes();
    private final List<PgDumpFacts.HostileLine> hostileLines = new ArrayList<>();
    private long hostileCount;
    private int tablesListed;
    private PgDumpFacts.Table largestTable;
    private String largestTableDatabase;
    private long totalRows;
    private int restrictMarkers;
    private String serverVersion;
    private boolean headerChecked;
    private boolean clusterFooter;

    PgDumpReader(long compressedBytes, long warnAboveBytes) {
        this.compressedBytes = compressedBytes;
        this.warnAboveBytes = warnAboveBytes;
    }

    @Override
    public FormatFacts read(InputStream uncompressed) throws IOException {
        lines = new BoundedLineReader(uncompressed);
        PsqlScriptScanner sql = new PsqlScriptScanner(new PsqlScriptScanner.Listener() {
            @Override
            public void copyFromStdin(CopyStatement.TableName table, long line) {
                pendingCopies.add(new TableCopy(table, line));
            }

            @Override
            public void hostile(long line, String what) {
                recordHostile(line, what);
            }
        });
        BoundedLineReader.Sink sqlBytes = (bytes, offset, length, newline) ->
                sql.feed(bytes, offset, length, newline, lines.lineNumber() + 1);
        BoundedLineReader.Sink dataBytes = rowEscapes::feed;
        while (true) {
            if (copy == null) {
                copy = pendingCopies.poll();
            }
            rowEscapes.reset();
            lines.sendTo(copy != null ? dataBytes : sqlBytes);
            if (!lines.next()) {
                break;
            }
            if (copy != null) {
                readCopyRow();
            } else if (!headerChecked) {
                checkHeader();
            } else {
                readStatement();
            }
        }
        sql.finish();
        recordWhereItStopped();
        return facts();
    }

    private void checkHeader() throws BackupDefectException {
        String text = lines.text();
        if (text.isBlank() || text.equals("--")) {
            return;
        }
        if (!text.equals(CLUSTER_HEADER)) {
            String found = text.length() > 60 ? text.substring(0, 60) + "..." : text;
            throw new BackupDefectException("expected pg_dumpall's first line '" + CLUSTER_HEADER + "' but line "
                    + lines.lineNumber() + " is '" + found + "'"
                    + (text.equals("-- PostgreSQL database dump") ? " (a single-database pg_dump)" : "")
                    + ": this is not pg_dumpall output; back up with pg_dumpall as the runbook does.");
        }
        headerChecked = true;
    }

    private void readCopyRow() {
        if (lines.is(END_OF_COPY) || lines.is(END_OF_COPY_CR)) {
            finishCopy();
            return;
        }
        copy.rows++;
        copy.dataBytes += lines.length() + 1;
        int escape = rowEscapes.firstUnwrittenEscape();
        if (escape >= 0) {
            recordHostile(lines.lineNumber(), "a COPY data row of table " + copy.name.display() + " with "
                    + (escape == '\n' ? "a backslash at its end" : "the escape \\" + printable(escape))
                    + ", which COPY … TO never writes (psql reads such a row as a meta-command when the COPY"
                    + " before it fails and ON_ERROR_STOP is off, as in the runbook's restore)");
        }
    }

    private static String printable(int c) {
        return c > 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("x%02X", c);
    }

    private void recordHostile(long line, String what) {
        hostileCount++;
        if (hostileLines.size() < MAX_HOSTILE_LISTED) {
            hostileLines.add(new PgDumpFacts.HostileLine(line, database == null ? null : database.name, what));
        }
    }

    private void readStatement() {
        if (lines.startsWith(DATABASE_HEADER_PREFIX)) {
            startDatabase();
        } else if (lines.is(DATABASE_FOOTER_BYTES)) {
            if (database != null) {
                database.complete = true;
                finishDatabase();
            }
        } else if (lines.is(CLUSTER_FOOTER_BYTES)) {
            if (database != null) {
                defects.add("database \"" + database.name + "\" (line " + database.startLine + ") has no '"
                        + DATABASE_FOOTER + "' before the cluster footer at line " + lines.lineNumber()
                        + ": its dump is incomplete.");
                finishDatabase();
            }
            clusterFooter = true;
        } else if (lines.startsWith(CONNECT_PREFIX)) {
            if (database != null && database.connect == null) {
                database.connect = lines.text().substring(CONNECT_PREFIX.length).trim();
            }
        } else if (lines.startsWith(RESTRICT_PREFIX) || lines.startsWith(UNRESTRICT_PREFIX)) {
            restrictMarkers++; // the key after it is a secret of the dump: never kept
        } else if (serverVersion == null && lines.startsWith(DUMPED_FROM_PREFIX)) {
            serverVersion = lines.text().substring(DUMPED_FROM_PREFIX.length).trim();
        }
    }

    private void startDatabase() {
        String text = lines.text();
        int close = text.lastIndexOf("\" dump");
        String name = close > DATABASE_HEADER_PREFIX.length
                ? text.substring(DATABASE_HEADER_PREFIX.length, close) : text.substring(DATABASE_HEADER_PREFIX.length);
        if (database != null) {
            defects.add("database \"" + database.name + "\" (line " + database.startLine + ") has no '"
                    + DATABASE_FOOTER + "' before database \"" + name + "\" starts at line " + lines.lineNumber()
                    + ": its dump is incomplete.");
            finishDatabase();
        }
        database = new DatabaseSection(name, lines.lineNumber());
    }

    private void finishCopy() {
        totalRows += copy.rows;
        if (database == null) {
            database = new DatabaseSection("(outside any database section)", copy.line);
        }
        PgDumpFacts.Table table = new PgDumpFacts.Table(copy.name.schema(), copy.name.table(), copy.rows,
                copy.dataBytes, copy.line);
        if (tablesListed < MAX_TABLES_LISTED) {
            tablesListed++;
            database.tables.add(table);
        }
        if (largestTable == null || table.dataBytes() > largestTable.dataBytes()) {
            largestTable = table;
            largestTableDatabase = database.name;
        }
        copy = null;
    }

    private void finishDatabase() {
        databases.add(new PgDumpFacts.Database(database.name, database.connect, database.startLine,
                database.complete, List.copyOf(database.tables)));
        database = null;
    }

    /** At the end of the text: the innermost open structure is where the dump was cut off. */
    private void recordWhereItStopped() {
        long last = lines.lineNumber();
        if (copy == null) {
            copy = pendingCopies.poll(); // a COPY … FROM stdin on the last line: its data is missing
        }
        if (last == 0) {
            defects.add("the dump is empty: its gzip stream holds no SQL text.");
            return;
        }
        if (copy != null) {
            defects.add("the dump stops inside the COPY data of table " + copy.name.display() + " in database \""
                    + databaseName() + "\" (COPY at line " + copy.line + "): " + Sizes.count(copy.rows)
                    + " rows read, the text ends at line " + last + " without the closing '\\.'. The dump was"
                    + " cut off; use an older backup.");
            totalRows += copy.rows;
            copy = null;
        } else if (database != null) {
            defects.add("the dump stops inside database \"" + database.name + "\" (begun at line "
                    + database.startLine + "): the text ends at line " + last + " without its '" + DATABASE_FOOTER
                    + "'. The dump was cut off; use an older backup.");
        } else if (!clusterFooter) {
            defects.add("the dump has no '" + CLUSTER_FOOTER + "' line: it ends at line " + last
                    + (databases.isEmpty() ? "" : " after database \"" + databases.get(databases.size() - 1).name()
                    + "\"") + ". The dump was cut off; use an older backup.");
        }
        if (database != null) {
            finishDatabase();
        }
    }

    private String databaseName() {
        return database == null ? "(none)" : database.name;
    }

    private PgDumpFacts facts() {
        List<String> allDefects = new ArrayList<>();
        if (hostileCount > 0) {
            allDefects.add(hostileMessage());
        }
        allDefects.addAll(defects);
        return new PgDumpFacts(serverVersion, lines.lineNumber(), restrictMarkers, clusterFooter,
                List.copyOf(databases), totalRows, lines.bytesRead(), hostileCount > 0, List.copyOf(hostileLines),
                hostileCount, List.copyOf(allDefects), sizeWarnings());
    }

    static final String HOSTILE_ADVICE = "A pg_dumpall holds SQL plus only the psql meta-commands \\connect,"
            + " \\restrict and \\unrestrict, and its COPY statements are all COPY … FROM stdin; what is listed"
            + " here would run on the machine restoring it or on the database server. PostgreSQL added \\restrict"
            + " in 17.6, 16.10 and 15.14 (CVE-2025-8714) against this class of attack on restores. It must never"
            + " be restored; find out who wrote it before using any of it.";

    private String hostileMessage() {
        StringBuilder message = new StringBuilder("hostile dump: ");
        for (int i = 0; i < Math.min(3, hostileLines.size()); i++) {
            PgDumpFacts.HostileLine hostile = hostileLines.get(i);
            message.append(i == 0 ? "" : "; ").append(hostile.describe());
        }
        if (hostileCount > 3) {
            message.append("; and ").append(Sizes.count(hostileCount - 3)).append(" more");
        }
        return message.append(". ").append(HOSTILE_ADVICE).toString();
    }

    /** The runbook: a dump past ~10 GB means the gateway's spend logs are not being purged. */
    private List<String> sizeWarnings() {
        long uncompressed = lines.bytesRead();
        if (uncompressed <= warnAboveBytes && compressedBytes <= warnAboveBytes) {
            return List.of();
        }
        String which = uncompressed > warnAboveBytes && compressedBytes > warnAboveBytes ? "compressed and uncompressed"
                : uncompressed > warnAboveBytes ? "uncompressed" : "compressed";
        String largest = largestTable == null ? "" : "; largest table: " + largestTableDatabase + "."
                + largestTable.schema() + "." + largestTable.table() + " with " + Sizes.bytes(largestTable.dataBytes())
                + " in " + Sizes.count(largestTable.rows()) + " rows";
        return List.of("the dump is over " + Sizes.bytes(warnAboveBytes) + " " + which + " ("
                + Sizes.bytes(uncompressed) + " uncompressed, " + Sizes.bytes(compressedBytes) + " compressed)"
                + largest + ". The runbook: past ~10 GB typically the gateway's spend logs are not being purged;"
                + " set spend_logs_max_size in litellm/config.yaml.");
    }

    @Override
    public String position() {
        if (lines == null) {
            return "the start of the dump";
        }
        return "line " + lines.lineNumber() + (database == null ? "" : ", database \"" + database.name + "\"")
                + (copy == null ? "" : ", COPY data of table " + copy.name.display() + " (" + copy.rows + " rows)");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final class DatabaseSection {
        final String name;
        final long startLine;
        final List<PgDumpFacts.Table> tables = new ArrayList<>();
        String connect;
        boolean complete;

        DatabaseSection(String name, long startLine) {
            this.name = name;
            this.startLine = startLine;
        }
    }

    private static final class TableCopy {
        final CopyStatement.TableName name;
        final long line;
        long rows;
        long dataBytes;

        TableCopy(CopyStatement.TableName name, long line) {
            this.name = name;
            this.line = line;
        }
    }
}
