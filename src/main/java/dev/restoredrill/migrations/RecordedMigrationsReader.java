package dev.restoredrill.migrations;

import dev.restoredrill.verify.StoreConnections;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@link RecordedMigrations} from the restored stores: ClickHouse over its HTTP interface (as every check
 * does; no JDBC driver works with 18.16), Postgres over JDBC, one connection per database. Read only.
 */
public final class RecordedMigrationsReader {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final StoreConnections connections;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public RecordedMigrationsReader(StoreConnections connections) {
        this.connections = connections;
    }

    /** Both stores' records; {@code postgresDatabases} are the databases whose Prisma history is read. */
    public RecordedMigrations read(List<String> postgresDatabases) {
        Map<String, RecordedMigrations.PrismaHistory> prisma = new LinkedHashMap<>();
        for (String database : postgresDatabases) {
            prisma(database).ifPresent(history -> prisma.put(database, history));
        }
        return new RecordedMigrations(clickhouse(), prisma);
    }

    /** golang-migrate's view: {@code SELECT version, dirty FROM schema_migrations ORDER BY sequence DESC LIMIT 1}. */
    public Optional<RecordedMigrations.ClickHouseState> clickhouse() {
        if (!clickhouseQuery("EXISTS TABLE schema_migrations").strip().equals("1")) {
            return Optional.empty();
        }
        String newest = clickhouseQuery("SELECT version, dirty, (SELECT count() FROM schema_migrations) "
                + "FROM schema_migrations ORDER BY sequence DESC LIMIT 1").strip();
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        String[] cells = newest.split("\t");
        return Optional.of(new RecordedMigrations.ClickHouseState(Long.parseLong(cells[0]), cells[1].equals("1"),
                Long.parseLong(cells[2])));
    }

    public Optional<RecordedMigrations.PrismaHistory> prisma(String database) {
        StoreConnections.Postgres postgres = connections.postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(),
                postgres.password()); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) TIMEOUT.toSeconds());
            try (ResultSet exists = statement.executeQuery("SELECT to_regclass('public._prisma_migrations') IS NOT NULL")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    return Optional.empty();
                }
            }
            List<String> finished = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT migration_name, finished_at IS NOT NULL, "
                    + "rolled_back_at IS NOT NULL FROM _prisma_migrations ORDER BY started_at, migration_name")) {
                while (rows.next()) {
                    boolean rolledBack = rows.getBoolean(3);
                    if (rows.getBoolean(2) && !rolledBack) {
                        finished.add(rows.getString(1));
                    } else if (!rolledBack) {
                        failed.add(rows.getString(1));
                    }
                }
            }
            return Optional.of(new RecordedMigrations.PrismaHistory(database, finished, failed));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read _prisma_migrations of database " + database
                    + " in the restored Postgres (" + postgres + "): " + e.getMessage()
                    + ". Check that the postgres store was restored.", e);
        }
    }

    private String clickhouseQuery(String sql) {
        StoreConnections.ClickHouse clickhouse = connections.clickhouse();
        String credentials = clickhouse.user() + ":" + clickhouse.password();
        HttpRequest request = HttpRequest.newBuilder(URI.create(clickhouse.baseUrl().replaceAll("/+$", "")
                        + "/?database=default"))
                .timeout(TIMEOUT)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(sql + "\nFORMAT TabSeparated", StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("ClickHouse (" + clickhouse + ") refused '" + sql + "': HTTP "
                        + response.statusCode() + " " + response.body().strip());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Could not reach the restored ClickHouse (" + clickhouse + "): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading ClickHouse's schema_migrations", e);
        }
    }
}
