package dev.restoredrill.verify;

import dev.restoredrill.outcome.SecretMasker;
import dev.restoredrill.scenario.SqlCheck;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Properties;

/** Runs a {@link SqlCheck}'s query over JDBC, read-only, and takes the first column of the first row. */
final class PostgresProbe {

    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    private static final int QUERY_TIMEOUT_SECONDS = 120;

    private final StoreConnections.Postgres postgres;
    private final List<String> secrets;

    PostgresProbe(StoreConnections.Postgres postgres, List<String> secrets) {
        this.postgres = postgres;
        this.secrets = secrets;
    }

    static String describe(SqlCheck check) {
        return "[" + check.database() + "] " + check.sql();
    }

    Measurement measure(SqlCheck check) {
        Properties properties = new Properties();
        properties.setProperty("user", postgres.user());
        properties.setProperty("password", postgres.password());
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("ApplicationName", "restore-drill verify");
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(check.database()), properties)) {
            connection.setReadOnly(true);
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                statement.setMaxRows(1);
                try (ResultSet rows = statement.executeQuery(check.sql())) {
                    return rows.next() ? firstCell(rows) : Measurement.nothing("no rows");
                }
            }
        } catch (SQLException e) {
            throw new StoreAccessException(explain(e, check.database()), e);
        }
    }

    /** Zone-less timestamps are read as UTC whatever the JVM's zone is (JDBC would use the JVM's). */
    private static Measurement firstCell(ResultSet rows) throws SQLException {
        String type = rows.getMetaData().getColumnTypeName(1);
        if ("timestamp".equals(type)) {
            return CellValues.fromObject(rows.getObject(1, LocalDateTime.class));
        }
        if ("timestamptz".equals(type)) {
            return CellValues.fromObject(rows.getObject(1, OffsetDateTime.class));
        }
        return CellValues.fromObject(rows.getObject(1));
    }

    private String explain(SQLException e, String database) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String cause = SecretMasker.of(secrets).mask(e.getMessage());
        String where = "Postgres at " + postgres.host() + ":" + postgres.port();
        if (state.startsWith("08")) {
            return "Could not connect to " + where + " (database '" + database + "'): " + cause
                    + ". Check that the restored postgres service is running and healthy.";
        }
        if (state.startsWith("28")) {
            return where + " refused the drill's credentials for user '" + postgres.user() + "': " + cause
                    + ". Check that the stack was started with the drill's credentials.";
        }
        if (state.equals("3D000")) {
            return "The restored " + where + " has no database '" + database + "': " + cause
                    + ". Check that the backup holds it and that the restore ran without errors.";
        }
        return where + " refused the query on database '" + database + "': " + cause
                + ". Check that the table exists in the backup (was the restore complete?) or fix the check's sql.";
    }
}
