package dev.restoredrill.migrations;

import dev.restoredrill.outcome.FailureCategory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the app's start did to one store's migrations: the stores' records before it started against after, so the
 * report shows which migrations were applied, and a migration that stopped half-way (golang-migrate's dirty row,
 * Prisma's row without {@code finished_at}) is named with the store's state and what to do.
 */
public record AppliedMigrations(String store, List<String> applied, String stateAfter, Optional<String> problem) {

    public AppliedMigrations {
        applied = List.copyOf(applied);
    }

    public static AppliedMigrations clickhouse(Optional<RecordedMigrations.ClickHouseState> before,
                                               Optional<RecordedMigrations.ClickHouseState> after,
                                               MigrationRelease shipped, String image) {
        if (after.isEmpty()) {
            return new AppliedMigrations("clickhouse", List.of(), "no schema_migrations", Optional.empty());
        }
        long from = before.map(RecordedMigrations.ClickHouseState::version).orElse(0L);
        RecordedMigrations.ClickHouseState state = after.get();
        long cleanUpTo = state.dirty() ? state.version() - 1 : state.version();
        List<String> applied = shipped.clickhouse().stream()
                .filter(m -> m.version() > from && m.version() <= cleanUpTo).map(ClickHouseMigration::name).toList();
        String stateText = "version " + state.version() + (state.dirty() ? ", dirty" : ", clean");
        if (!state.dirty() || before.filter(b -> b.version() == state.version() && b.dirty()).isPresent()) {
            return new AppliedMigrations("clickhouse", applied, stateText, Optional.empty());
        }
        String name = shipped.clickhouse(state.version()).map(ClickHouseMigration::name)
                .orElse("version " + state.version());
        return new AppliedMigrations("clickhouse", applied, stateText, Optional.of(FailureCategory.MIGRATION_FAILURE.message(
                "ClickHouse migration " + name + " stopped half-way when " + image + " started: schema_migrations is left "
                + "dirty at version " + state.version() + " (" + applied.size() + " migration(s) before it applied), "
                + "so Langfuse will not start again until the schema is repaired. Do not roll out this candidate: "
                + "read its log, fix the migration or the data it fails on, and run the drill again.")));
    }

    public static AppliedMigrations prisma(String database, Optional<RecordedMigrations.PrismaHistory> before,
                                           Optional<RecordedMigrations.PrismaHistory> after, String image) {
        String store = "postgres/" + database;
        if (after.isEmpty()) {
            return new AppliedMigrations(store, List.of(), "no _prisma_migrations", Optional.empty());
        }
        List<String> applied = new ArrayList<>(after.get().finished());
        before.ifPresent(b -> applied.removeAll(b.finished()));
        List<String> failed = new ArrayList<>(after.get().failed());
        before.ifPresent(b -> failed.removeAll(b.failed()));
        String stateText = after.get().finished().size() + " finished, " + after.get().failed().size() + " failed";
        if (failed.isEmpty()) {
            return new AppliedMigrations(store, applied, stateText, Optional.empty());
        }
        return new AppliedMigrations(store, applied, stateText, Optional.of(FailureCategory.MIGRATION_FAILURE.message(
                "Prisma migration " + String.join(", ", failed) + " started but did not finish when " + image + " started: database "
                + database + " keeps its _prisma_migrations row without finished_at (" + applied.size()
                + " migration(s) before it applied), so every later start stops with P3009. Do not roll out this "
                + "candidate: read its log, fix the migration or the data it fails on, and run the drill again.")));
    }
}
