package dev.restoredrill.reference.langfuse;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What {@code migrate -source file://clickhouse/migrations/unclustered -database clickhouse://… up} does at the
 * real web container's start (langfuse {@code packages/shared/clickhouse/scripts/up.sh}), with golang-migrate's
 * bookkeeping (golang-migrate {@code migrate.go}, {@code database/clickhouse/clickhouse.go}): the table
 * {@code schema_migrations(version Int64, dirty UInt8, sequence UInt64)} with the engine Langfuse asks for
 * ({@code x-migrations-table-engine=MergeTree}, hence {@code ORDER BY sequence}); the current version is the row with
 * the highest sequence; a dirty version or a version the source has no file for stops it with golang-migrate's own
 * message; each pending migration is recorded dirty, run, then recorded clean, each record a new row whose sequence
 * is the time in nanoseconds.
 */
final class GolangMigrate {

    private final ClickHouseHttp clickhouse;
    private final Release release;
    private final Optional<String> failOn;

    GolangMigrate(ClickHouseHttp clickhouse, Release release, Optional<String> failOn) {
        this.clickhouse = clickhouse;
        this.release = release;
        this.failOn = failOn;
    }

    void up() throws IOException, StartRefused {
        ensureVersionTable();
        String newest = clickhouse.query("SELECT version, dirty FROM schema_migrations ORDER BY sequence DESC LIMIT 1"
                + " FORMAT TabSeparated").strip();
        long current = -1;
        if (!newest.isEmpty()) {
            String[] cells = newest.split("\t");
            current = Long.parseLong(cells[0]);
            if (cells[1].equals("1")) {
                throw new StartRefused("error: Dirty database version " + current + ". Fix and force version.");
            }
            if (release.clickhouse(current).isEmpty()) {
                // golang-migrate's versionExists: no up or down file for the recorded version.
                throw new StartRefused("error: no migration found for version " + current + ": read down for version "
                        + current + " .: file does not exist");
            }
        }
        final long from = current;
        List<Release.ClickHouseMigration> pending = release.clickhouse().stream().filter(m -> m.version() > from)
                .toList();
        if (pending.isEmpty()) {
            System.out.println("no change");
            return;
        }
        for (Release.ClickHouseMigration migration : pending) {
            apply(migration);
        }
    }

    private void apply(Release.ClickHouseMigration migration) throws IOException, StartRefused {
        Optional<List<String>> statements = release.equivalent("clickhouse", migration.name());
        if (statements.isEmpty()) {
            // Refused before anything is recorded: never mark a migration done without changing the schema.
            throw new StartRefused("error: restore-drill stand-in: migration " + migration.name() + " is pending, but "
                    + "this stand-in has no ClickHouse 18.16 equivalent for it (see its README); it records nothing "
                    + "it did not apply. Restore a backup at least at version " + (migration.version() - 1)
                    + ", or use the official images (-Ddrill.images=official).");
        }
        long started = System.nanoTime();
        setVersion(migration.version(), true);
        int index = 0;
        for (String statement : statements.get()) {
            if (failOn.filter(migration.name()::equals).isPresent() && index == statements.get().size() - 1) {
                // An unknown function: fails on every ClickHouse version, and its name says why.
                statement = "SELECT restore_drill_failing_candidate_variant_fails_here_on_purpose()";
            }
            try {
                clickhouse.query(statement);
            } catch (ClickHouseHttp.Refused e) {
                // golang-migrate's database.Error: "migration failed: <err> in line 0: <query>"; the version stays dirty.
                throw new StartRefused("error: migration failed: " + e.getMessage() + " in line 0: " + statement
                        + " (details: " + migration.version() + "/u " + migration.name() + ")");
            }
            index++;
        }
        setVersion(migration.version(), false);
        System.out.printf("%d/u %s (%.1fms)%n", migration.version(), migration.name().replaceFirst("^\\d+_", ""),
                (System.nanoTime() - started) / 1e6);
    }

    private void ensureVersionTable() throws IOException {
        String exists = clickhouse.query("EXISTS TABLE schema_migrations FORMAT TabSeparated").strip();
        if (!exists.equals("1")) {
            clickhouse.query("CREATE TABLE schema_migrations (version Int64, dirty UInt8, sequence UInt64) "
                    + "ENGINE = MergeTree ORDER BY sequence");
        }
    }

    private long lastSequence;

    private void setVersion(long version, boolean dirty) throws IOException {
        // time.Now().UnixNano() in golang-migrate; kept strictly increasing (the clock here has ms resolution).
        long sequence = lastSequence = Math.max(lastSequence + 1, System.currentTimeMillis() * 1_000_000L);
        clickhouse.query("INSERT INTO schema_migrations (version, dirty, sequence) VALUES (" + version + ", "
                + (dirty ? 1 : 0) + ", " + sequence + ")");
    }
}
