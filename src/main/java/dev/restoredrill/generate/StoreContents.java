package dev.restoredrill.generate;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the source held when a backup was taken, as counted by the generator while loading it:
 * documents per Mongo namespace ({@code LibreChat.messages}), rows per Postgres table as
 * pg_dumpall names it under its database ({@code litellm.public."LiteLLM_SpendLogs"}), rows per
 * ClickHouse table ({@code default.traces}, deleted rows included), and S3 objects.
 */
public record StoreContents(Map<String, Long> mongoDocuments, Map<String, Long> postgresRows,
                            Map<String, Long> clickhouseRows, long objects, long objectBytes) {
    public StoreContents {
        mongoDocuments = Map.copyOf(mongoDocuments);
        postgresRows = Map.copyOf(postgresRows);
        clickhouseRows = Map.copyOf(clickhouseRows);
    }

    /** The running tally a loader keeps; {@link #snapshot()} freezes it. */
    static final class Tally {
        private final Map<String, Long> mongo = new TreeMap<>();
        private final Map<String, Long> postgres = new TreeMap<>();
        private final Map<String, Long> clickhouse = new TreeMap<>();
        private long objects;
        private long objectBytes;

        synchronized void mongo(String namespace, long documents) {
            mongo.merge(namespace, documents, Long::sum);
        }

        synchronized void postgres(CopyTable table, long rows) {
            postgres.merge(table.database() + "." + table.dumpName(), rows, Long::sum);
        }

        synchronized void clickhouse(String table, long rows) {
            clickhouse.merge("default." + table, rows, Long::sum);
        }

        synchronized void object(long bytes) {
            objects++;
            objectBytes += bytes;
        }

        synchronized StoreContents snapshot() {
            return new StoreContents(mongo, postgres, clickhouse, objects, objectBytes);
        }
    }
}
