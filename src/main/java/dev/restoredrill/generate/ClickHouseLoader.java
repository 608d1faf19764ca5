package dev.restoredrill.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Creates Langfuse's ClickHouse tables in database {@code default} and streams traces, observations
 * and scores into them, a chunk of traces at a time (one INSERT per table, so few parts to merge).
 */
final class ClickHouseLoader {
    private final ClickHouseHttp http;

    ClickHouseLoader(ClickHouseHttp http) {
        this.http = http;
    }

    void createTables(List<String> migrationRows) {
        for (String statement : schemaStatements()) {
            http.execute(statement);
        }
        http.insertTabSeparated("schema_migrations", out -> {
            for (String row : migrationRows) {
                out.write(row.getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    private static List<String> schemaStatements() {
        try (InputStream in = ClickHouseLoader.class.getResourceAsStream("clickhouse-schema.sql")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*\\n", "");
            return List.of(text.split("(?m)^;\\s*$"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one load sent. */
    record Loaded(long traces, long observations, long scores, long bytes) {
    }

    /** Inserts a chunk of traces: three INSERTs, one per table, each streaming its rows. */
    Loaded load(List<TraceBundle> chunk) {
        long[] counts = new long[4];
        if (chunk.isEmpty()) {
            return new Loaded(0, 0, 0, 0);
        }
        http.insertTabSeparated("traces", out -> {
            for (TraceBundle t : chunk) {
                counts[3] += write(out, t.traceRow());
                counts[0]++;
            }
        });
        http.insertTabSeparated("observations", out -> {
            for (TraceBundle t : chunk) {
                for (String row : t.observationRows()) {
                    counts[3] += write(out, row);
                    counts[1]++;
                }
            }
        });
        http.insertTabSeparated("scores", out -> {
            for (TraceBundle t : chunk) {
                for (String row : t.scoreRows()) {
                    counts[3] += write(out, row);
                    counts[2]++;
                }
            }
        });
        return new Loaded(counts[0], counts[1], counts[2], counts[3]);
    }

    /** Ends the inserts under way (see {@link ClickHouseHttp#abort()}). */
    void abort() {
        http.abort();
    }

    private static int write(OutputStream out, String row) throws IOException {
        byte[] bytes = row.getBytes(StandardCharsets.UTF_8);
        out.write(bytes);
        return bytes.length;
    }
}
