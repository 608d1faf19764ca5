package dev.restoredrill.reference.langfuse;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The reference Langfuse: a STAND-IN for langfuse/langfuse (role {@code web}) and langfuse/langfuse-worker (role
 * {@code worker}) of one release. The web role does what the real web container's entrypoint does before the app
 * (langfuse {@code web/entrypoint.sh}): {@code prisma migrate deploy}, then golang-migrate's {@code up} on
 * ClickHouse, each skipped when {@code LANGFUSE_AUTO_POSTGRES_MIGRATION_DISABLED} /
 * {@code LANGFUSE_AUTO_CLICKHOUSE_MIGRATION_DISABLED} is {@code true}; a refusal prints the real tool's message and
 * exits 1, as the real container does. The worker role migrates nothing (the real worker's entrypoint does not).
 * Then both serve their health endpoint and nothing else: no UI, no API, no ingestion.
 */
public final class LangfuseStandIn {

    public static void main(String[] args) throws Exception {
        String role = env("LANGFUSE_STANDIN_ROLE", "web");
        Release release = Release.load(Path.of(env("LANGFUSE_STANDIN_HOME", "/app/standin")));
        Optional<String> failOn = Optional.ofNullable(System.getenv("LANGFUSE_STANDIN_FAIL_MIGRATION"))
                .filter(s -> !s.isBlank());
        System.out.println("restore-drill Langfuse stand-in, release " + release.version() + ", role " + role
                + failOn.map(m -> " (FAILING-CANDIDATE TEST VARIANT: " + m + " fails)").orElse(""));
        DatabaseUrl database = null;
        try {
            database = DatabaseUrl.parse(required("DATABASE_URL"));
            if (role.equals("web")) {
                migrate(release, database, failOn);
            } else if (!role.equals("worker")) {
                throw new StartRefused("Error: LANGFUSE_STANDIN_ROLE must be web or worker; found '" + role + "'");
            }
        } catch (StartRefused refused) {
            System.out.println(refused.getMessage());
            System.out.println("Applying " + (refused.getMessage().startsWith("error:") ? "clickhouse" : "database")
                    + " migrations failed. This is mostly caused by the database being unavailable.");
            System.out.println("Exiting...");
            System.exit(1);
        } catch (java.sql.SQLException unreachable) {
            System.out.println("Error: P1001: Can't reach database server at " + database + ": "
                    + unreachable.getMessage());
            System.out.println("Applying database migrations failed. This is mostly caused by the database being "
                    + "unavailable.");
            System.out.println("Exiting...");
            System.exit(1);
        }
        int port = Integer.parseInt(env("PORT", role.equals("web") ? "3000" : "3030"));
        serveHealth(role.equals("web") ? "/api/public/health" : "/api/health", port, release, database);
    }

    private static void migrate(Release release, DatabaseUrl database, Optional<String> failOn) throws Exception {
        if (!"true".equals(System.getenv("LANGFUSE_AUTO_POSTGRES_MIGRATION_DISABLED"))) {
            System.out.println("Datasource \"db\": PostgreSQL database \"" + database.database() + "\"");
            try (Connection connection = connect(database, Duration.ofSeconds(60))) {
                new PrismaDeploy(connection, release, failOn).deploy();
            }
        }
        if (!"true".equals(System.getenv("LANGFUSE_AUTO_CLICKHOUSE_MIGRATION_DISABLED"))) {
            ClickHouseHttp clickhouse = new ClickHouseHttp(required("CLICKHOUSE_URL"), env("CLICKHOUSE_DB", "default"),
                    required("CLICKHOUSE_USER"), required("CLICKHOUSE_PASSWORD"));
            new GolangMigrate(clickhouse, release, failOn).up();
        }
    }

    /** Healthy (200) while Postgres answers, as the real health endpoints check their database. */
    private static void serveHealth(String path, int port, Release release, DatabaseUrl database) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 16);
        server.createContext("/", exchange -> {
            int status;
            String body;
            if (!exchange.getRequestURI().getPath().equals(path)) {
                status = 404;
                body = "{\"message\":\"not served by the restore-drill Langfuse stand-in\"}";
            } else if (databaseAnswers(database)) {
                status = 200;
                body = "{\"status\":\"OK\",\"version\":\"" + release.version() + "\"}";
            } else {
                status = 503;
                body = "{\"status\":\"Database not available\",\"version\":\"" + release.version() + "\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        System.out.println("Listening on port " + port + " (" + path + ")");
    }

    private static boolean databaseAnswers(DatabaseUrl database) {
        try (Connection connection = connect(database, Duration.ZERO); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Connects, retrying for {@code patience}: the restored server may still be starting. */
    static Connection connect(DatabaseUrl database, Duration patience) throws SQLException {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            try {
                DriverManager.setLoginTimeout(5);
                return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
            } catch (SQLException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String required(String name) throws StartRefused {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new StartRefused("Error: " + name + " is not configured.");
        }
        return value;
    }
}
