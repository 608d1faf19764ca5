package dev.restoredrill.stack;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The drill host's faults as the real docker CLI meets them: a port where nothing listens, TLS settings the engine
 * does not match, and an engine too old. The old engine is a STAND-IN (an HTTP server answering /_ping and /version
 * as Docker 17.06, API 1.30, would; no such engine can be installed here); the CLI negotiates with it as with a
 * real one.
 */
class EngineCheckTest {

    private HttpServer oldEngine;

    @TempDir
    Path temp;

    @AfterEach
    void stop() {
        if (oldEngine != null) {
            oldEngine.stop(0);
        }
    }

    @Test
    void aRefusedConnectionNamesTheHostAndWhatToCheck() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        DrillHost host = DrillHost.of("tcp://127.0.0.1:" + port, null);

        assertThatThrownBy(() -> EngineCheck.check(host))
                .isInstanceOf(DockerUnavailableException.class)
                .hasMessageContaining("no Docker engine answers at the drill host tcp://127.0.0.1:" + port)
                .hasMessageContaining("Connection refused")
                .hasMessageContaining("dockerd listens there");
    }

    @Test
    void anEngineOlderThanTheDrillSupportsIsOneLineWithItsVersion() throws IOException {
        DrillHost host = DrillHost.of("tcp://127.0.0.1:" + startOldEngine(), null);

        assertThatThrownBy(() -> EngineCheck.check(host))
                .isInstanceOf(DockerUnavailableException.class)
                .hasMessageContaining("the drill host " + host.masked() + " runs Docker 17.06.0-ce (API 1.30)")
                .hasMessageContaining("older than the drill supports (API 1.41")
                .hasMessageContaining("Upgrade its engine");
    }

    @Test
    void tlsSettingsTheClientCannotUseNameTheCertificatePath() throws IOException {
        DrillHost host = DrillHost.of("tcp://127.0.0.1:" + startOldEngine(), null);
        Path noCerts = temp.resolve("certs");

        assertThatThrownBy(() -> EngineCheck.check(host, Map.of("DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", noCerts.toString())))
                .isInstanceOf(DockerUnavailableException.class)
                .hasMessageStartingWith("TLS with the drill host " + host.masked() + " failed")
                .hasMessageContaining(noCerts.toString())
                .hasMessageContaining("Check DOCKER_CERT_PATH");
    }

    @Test
    void theLocalEngineIsNewEnough() {
        EngineCheck.Engine engine = EngineCheck.check(DrillHost.of(null, "unix:///var/run/docker.sock"));

        assertThat(engine.api()).isGreaterThanOrEqualTo(EngineCheck.MIN_API);
        assertThat(engine.version()).isNotBlank();
    }

    @Test
    void apiVersionsCompareNumerically() {
        assertThat(EngineCheck.ApiVersion.parse("1.9")).isLessThan(EngineCheck.ApiVersion.parse("1.41"));
        assertThat(EngineCheck.ApiVersion.parse("1.41")).isEqualByComparingTo(EngineCheck.MIN_API);
    }

    @Test
    void tlsMismatchesAreToldApartFromOtherErrors() {
        DrillHost host = DrillHost.of("tcp://drill-vm:2376", null);

        assertThat(EngineCheck.explain(host, "Client sent an HTTP request to an HTTPS server."))
                .contains("speaks TLS, but the client does not").contains("DOCKER_TLS_VERIFY=1");
        assertThat(EngineCheck.explain(host, "http: server gave HTTP response to HTTPS client"))
                .contains("does not speak TLS");
        assertThat(EngineCheck.explain(host, "x509: certificate signed by unknown authority"))
                .startsWith("TLS with the drill host tcp://drill-vm:2376 failed");
    }

    /** A stand-in Docker 17.06 engine: /_ping and /version, as the CLI's API negotiation reads them. */
    private int startOldEngine() throws IOException {
        oldEngine = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        oldEngine.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            exchange.getResponseHeaders().add("Api-Version", "1.30");
            exchange.getResponseHeaders().add("Docker-Experimental", "false");
            exchange.getResponseHeaders().add("Ostype", "linux");
            byte[] body = path.endsWith("/version")
                    ? ("{\"Version\":\"17.06.0-ce\",\"ApiVersion\":\"1.30\",\"MinAPIVersion\":\"1.12\","
                    + "\"Os\":\"linux\",\"Arch\":\"amd64\",\"GitCommit\":\"02c1d87\",\"GoVersion\":\"go1.8.3\"}")
                    .getBytes(StandardCharsets.UTF_8)
                    : path.endsWith("/_ping") ? "OK".getBytes(StandardCharsets.UTF_8) : new byte[0];
            int status = body.length == 0 ? 404 : 200;
            exchange.getResponseHeaders().add("Content-Type", path.endsWith("/version") ? "application/json"
                    : "text/plain");
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(status, -1);
            } else {
                exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        oldEngine.start();
        return oldEngine.getAddress().getPort();
    }
}
