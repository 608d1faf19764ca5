package dev.restoredrill.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The runbook's gotcha ("ClickHouse migration mismatches if the schema moved forward"), checked before the app
 * starts: the newest migration the backup recorded against the migrations the image under test ships.
 *
 * <p>ClickHouse: golang-migrate reads its newest {@code schema_migrations} row and, if the image has no file for that
 * version, stops with "no migration found for version N" (golang-migrate {@code migrate.go}, {@code versionExists});
 * a dirty row stops it with "Dirty database version N. Fix and force version." (ErrDirty). Prisma: {@code migrate
 * deploy} stops on a failed row (P3009) and otherwise applies what is missing and starts, even when the database
 * holds migrations the image does not ship (prisma-engines {@code apply_migrations.rs}); that is still a database
 * newer than the app, so the drill fails it too.
 */
public final class SchemaAheadCheck {

    private SchemaAheadCheck() {
    }

    public static StoreMigrations clickhouse(Optional<RecordedMigrations.ClickHouseState> recorded,
                                             MigrationRelease shipped, String image) {
        String newestShipped = shipped.newestClickHouse().map(m -> m.version() + " (" + m.name() + ")").orElse("none");
        if (recorded.isEmpty()) {
            return new StoreMigrations("clickhouse", "none", newestShipped, names(shipped.clickhouseAfter(0)),
                    Optional.empty());
        }
        RecordedMigrations.ClickHouseState state = recorded.get();
        String recordedText = state.version() + (state.dirty() ? " (dirty)" : "");
        if (shipped.clickhouse(state.version()).isEmpty()) {
            return new StoreMigrations("clickhouse", recordedText, newestShipped, List.of(), Optional.of(
                    "Schema ahead of the images: the backup's ClickHouse schema_migrations records version "
                            + state.version() + ", but " + image + " (Langfuse " + shipped.release()
                            + ") ships ClickHouse migrations only up to version " + newestShipped
                            + ", so Langfuse refuses to start (golang-migrate: \"no migration found for version "
                            + state.version() + "\"). Restore into images at least as new as the backup: a Langfuse "
                            + "release that ships migration " + state.version() + " (the platform's pinned "
                            + "langfuse images, or the scenario's stack.images); never edit schema_migrations."));
        }
        if (state.dirty()) {
            return new StoreMigrations("clickhouse", recordedText, newestShipped, List.of(), Optional.of(
                    "Dirty migration in the backup: ClickHouse schema_migrations records version " + state.version()
                            + " as dirty (a migration stopped half-way before the backup was taken), so Langfuse "
                            + "refuses to start (golang-migrate: \"Dirty database version " + state.version()
                            + ". Fix and force version.\"). Repair the schema of migration " + shipped.clickhouse(
                            state.version()).map(ClickHouseMigration::name).orElse("?") + " in production and take "
                            + "a new backup, or restore an older backup."));
        }
        return new StoreMigrations("clickhouse", recordedText, newestShipped,
                names(shipped.clickhouseAfter(state.version())), Optional.empty());
    }

    public static StoreMigrations prisma(Optional<RecordedMigrations.PrismaHistory> recorded, String database,
                                         MigrationRelease shipped, String image) {
        String store = "postgres/" + database;
        String newestShipped = shipped.newestPrisma().map(PrismaMigration::name).orElse("none");
        if (recorded.isEmpty()) {
            return new StoreMigrations(store, "none", newestShipped,
                    shipped.prisma().stream().map(PrismaMigration::name).toList(), Optional.empty());
        }
        RecordedMigrations.PrismaHistory history = recorded.get();
        String newestRecorded = history.newest().orElse("none");
        if (!history.failed().isEmpty()) {
            return new StoreMigrations(store, newestRecorded, newestShipped, List.of(), Optional.of(
                    "Failed migration in the backup: database " + database + " records " + history.failed()
                            + " as started but neither finished nor rolled back, so Prisma refuses to migrate (P3009: "
                            + "\"migrate found failed migrations in the target database, new migrations will not be "
                            + "applied\"). Resolve it in production (prisma migrate resolve) and take a new backup."));
        }
        Set<String> shippedNames = shipped.prismaNames();
        List<String> unknown = history.finished().stream().filter(name -> !shippedNames.contains(name)).sorted()
                .toList();
        if (!unknown.isEmpty()) {
            return new StoreMigrations(store, newestRecorded, newestShipped, List.of(), Optional.of(
                    "Schema ahead of the images: database " + database + " records " + unknown.size()
                            + " Prisma migration(s) that " + image + " (release " + shipped.release()
                            + ") does not ship, the newest " + unknown.get(unknown.size() - 1)
                            + "; the image's newest is " + newestShipped + ". Prisma would apply nothing and the "
                            + "app would run on a schema newer than it knows. Restore into images at least as new "
                            + "as the backup (a Langfuse release that ships " + unknown.get(unknown.size() - 1)
                            + ")."));
        }
        Set<String> applied = Set.copyOf(history.finished());
        List<String> pending = new ArrayList<>();
        shipped.prisma().stream().map(PrismaMigration::name).filter(name -> !applied.contains(name))
                .forEach(pending::add);
        return new StoreMigrations(store, newestRecorded, newestShipped, pending, Optional.empty());
    }

    private static List<String> names(List<ClickHouseMigration> migrations) {
        return migrations.stream().map(ClickHouseMigration::name).toList();
    }
}
