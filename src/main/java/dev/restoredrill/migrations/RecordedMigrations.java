package dev.restoredrill.migrations;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the restored stores record of the migrations applied to them: golang-migrate's newest row of ClickHouse's
 * {@code schema_migrations} (by {@code sequence}, as golang-migrate reads it), and each Postgres database's
 * {@code _prisma_migrations}.
 *
 * @param clickhouse the newest row, or empty when the table is missing or empty (a fresh schema)
 * @param prisma     database name → its Prisma history; databases without {@code _prisma_migrations} are absent
 */
public record RecordedMigrations(Optional<ClickHouseState> clickhouse, Map<String, PrismaHistory> prisma) {

    public RecordedMigrations {
        prisma = Map.copyOf(prisma);
    }

    /** golang-migrate's state: the newest version and whether it is dirty; {@code rows} for the evidence. */
    public record ClickHouseState(long version, boolean dirty, long rows) {
    }

    /**
     * One database's Prisma history, in {@code started_at} order.
     *
     * @param finished  migrations with {@code finished_at} (applied), not rolled back
     * @param failed    migrations with neither {@code finished_at} nor {@code rolled_back_at} (Prisma's "failed")
     */
    public record PrismaHistory(String database, List<String> finished, List<String> failed) {
        public PrismaHistory {
            finished = List.copyOf(finished);
            failed = List.copyOf(failed);
        }

        /** The newest applied migration by name (Prisma names start with their timestamp). */
        public Optional<String> newest() {
            return finished.stream().max(String::compareTo);
        }
    }
}
