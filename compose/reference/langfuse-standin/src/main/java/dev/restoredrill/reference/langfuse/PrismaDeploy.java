package dev.restoredrill.reference.langfuse;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What {@code prisma migrate deploy} does at the real web container's start (langfuse {@code web/entrypoint.sh}),
 * with Prisma's bookkeeping (prisma-engines {@code schema-engine/core/src/commands/apply_migrations.rs}): a row of
 * {@code _prisma_migrations} per migration, inserted when it starts (checksum, name, started_at,
 * applied_steps_count 0), then applied_steps_count 1 and finished_at once its script ran, or the error in
 * {@code logs} if it failed; a database holding a failed migration (neither finished_at nor rolled_back_at) stops it
 * with P3009. Migrations recorded in the database but not shipped by this release do not stop it, as they do not
 * stop Prisma.
 */
final class PrismaDeploy {

    private final Connection connection;
    private final Release release;
    private final Optional<String> failOn;

    PrismaDeploy(Connection connection, Release release, Optional<String> failOn) {
        this.connection = connection;
        this.release = release;
        this.failOn = failOn;
    }

    void deploy() throws SQLException, IOException, StartRefused {
        System.out.println(release.prisma().size() + " migrations found in prisma/migrations");
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS _prisma_migrations (id VARCHAR(36) PRIMARY KEY NOT NULL, "
                    + "checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ, migration_name VARCHAR(255) NOT NULL, "
                    + "logs TEXT, rolled_back_at TIMESTAMPTZ, started_at TIMESTAMPTZ NOT NULL DEFAULT now(), "
                    + "applied_steps_count INTEGER NOT NULL DEFAULT 0)");
            StringBuilder failed = new StringBuilder();
            Set<String> applied = new HashSet<>();
            try (ResultSet rows = statement.executeQuery("SELECT migration_name, started_at, finished_at, "
                    + "rolled_back_at FROM _prisma_migrations ORDER BY started_at")) {
                while (rows.next()) {
                    if (rows.getObject(3) == null && rows.getObject(4) == null) {
                        failed.append("The `").append(rows.getString(1)).append("` migration started at ")
                                .append(rows.getString(2)).append(" failed\n");
                    } else if (rows.getObject(4) == null) {
                        applied.add(rows.getString(1));
                    }
                }
            }
            if (failed.length() > 0) {
                throw new StartRefused("Error: P3009\n\nmigrate found failed migrations in the target database, new "
                        + "migrations will not be applied. Read more about how to resolve migration issues in a "
                        + "production database: https://pris.ly/d/migrate-resolve\n" + failed);
            }
            List<Release.PrismaMigration> pending = release.prisma().stream()
                    .filter(m -> !applied.contains(m.name())).toList();
            if (pending.isEmpty()) {
                System.out.println("No pending migrations to apply.");
                return;
            }
            for (Release.PrismaMigration migration : pending) {
                apply(migration);
            }
            System.out.println("All migrations have been successfully applied.");
        }
    }

    private void apply(Release.PrismaMigration migration) throws SQLException, IOException, StartRefused {
        Optional<List<String>> statements = release.equivalent("prisma", migration.name());
        if (statements.isEmpty()) {
            throw new StartRefused("Error: restore-drill stand-in: migration `" + migration.name() + "` is pending, "
                    + "but this stand-in has no equivalent for it (see its README); it records nothing it did not "
                    + "apply. Restore a backup that already holds it, or use the official images "
                    + "(-Ddrill.images=official).");
        }
        String id = UUID.randomUUID().toString();
        try (PreparedStatement started = connection.prepareStatement("INSERT INTO _prisma_migrations (id, checksum, "
                + "migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, now(), 0)")) {
            started.setString(1, id);
            started.setString(2, migration.checksum());
            started.setString(3, migration.name());
            started.executeUpdate();
        }
        try (Statement script = connection.createStatement()) {
            int index = 0;
            for (String sql : statements.get()) {
                if (failOn.filter(migration.name()::equals).isPresent() && index == statements.get().size() - 1) {
                    sql = "DO $$ BEGIN RAISE EXCEPTION 'restore-drill failing-candidate variant: " + migration.name()
                            + " fails here on purpose'; END $$";
                }
                script.execute(sql);
                index++;
            }
        } catch (SQLException e) {
            try (PreparedStatement failed = connection.prepareStatement(
                    "UPDATE _prisma_migrations SET logs = ? WHERE id = ?")) {
                failed.setString(1, e.getMessage());
                failed.setString(2, id);
                failed.executeUpdate();
            }
            throw new StartRefused("Error: P3018\n\nA migration failed to apply. New migrations cannot be applied "
                    + "before the error is recovered from. Read more about how to resolve migration issues in a "
                    + "production database: https://pris.ly/d/migrate-resolve\n\nMigration name: " + migration.name()
                    + "\n\nDatabase error code: " + e.getSQLState() + "\n\nDatabase error:\n" + e.getMessage());
        }
        try (PreparedStatement finished = connection.prepareStatement("UPDATE _prisma_migrations SET "
                + "applied_steps_count = applied_steps_count + 1, finished_at = now() WHERE id = ?")) {
            finished.setString(1, id);
            finished.executeUpdate();
        }
        System.out.println("Applying migration `" + migration.name() + "`");
    }
}
