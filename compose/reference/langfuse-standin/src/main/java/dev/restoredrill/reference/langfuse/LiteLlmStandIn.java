package dev.restoredrill.reference.langfuse;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * The reference LiteLLM gateway's start: a STAND-IN for ghcr.io/berriai/litellm of one release that does what the real
 * proxy does with its database before it serves (litellm {@code proxy_cli.py} with {@code --use_prisma_migrate} /
 * {@code USE_PRISMA_MIGRATE}: litellm-proxy-extras runs {@code prisma migrate deploy} on {@code DATABASE_URL}), with
 * Prisma's bookkeeping ({@link PrismaDeploy}, shared with the Langfuse stand-in, which is why it lives here). Then it
 * serves {@code /health/liveliness} and {@code /health/readiness} on 4000 and nothing else: the chat stand-in plays the
 * gateway's API on the reference stack. A refused start prints the Prisma message and exits 1, as the real proxy does.
 */
public final class LiteLlmStandIn {

    public static void main(String[] args) throws Exception {
        Release release = Release.load(Path.of(LangfuseStandIn.env("LITELLM_STANDIN_HOME", "/app/standin")));
        Optional<String> failOn = Optional.ofNullable(System.getenv("LITELLM_STANDIN_FAIL_MIGRATION"))
                .filter(s -> !s.isBlank());
        System.out.println("restore-drill LiteLLM stand-in, release " + release.version()
                + failOn.map(m -> " (FAILING-CANDIDATE TEST VARIANT: " + m + " fails)").orElse(""));
        DatabaseUrl database = null;
        try {
            String url = System.getenv("DATABASE_URL");
            if (url == null || url.isBlank()) {
                throw new StartRefused("Error: DATABASE_URL is not configured.");
            }
            database = DatabaseUrl.parse(url);
            System.out.println("Datasource \"client\": PostgreSQL database \"" + database.database() + "\"");
            try (Connection connection = LangfuseStandIn.connect(database, Duration.ofSeconds(60))) {
                new PrismaDeploy(connection, release, failOn).deploy();
            }
        } catch (StartRefused refused) {
            System.out.println(refused.getMessage());
            System.out.println("litellm_proxy_extras - ERROR - prisma migrate deploy failed; the proxy does not start.");
            System.exit(1);
        } catch (SQLException unreachable) {
            System.out.println("Error: P1001: Can't reach database server at " + database + ": "
                    + unreachable.getMessage());
            System.exit(1);
        }
        serveHealth(Integer.parseInt(LangfuseStandIn.env("PORT", "4000")), release);
    }

    private static void serveHealth(int port, Release release) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 16);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            boolean health = path.equals("/health/liveliness") || path.equals("/health/readiness");
            byte[] body = (health ? "{\"status\":\"healthy\",\"litellm_version\":\"" + release.version() + "\"}"
                    : "{\"detail\":\"not served by the restore-drill LiteLLM stand-in\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(health ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("Uvicorn running on http://0.0.0.0:" + port + " (restore-drill stand-in: health only)");
    }

}
