package dev.restoredrill.evidence;

import dev.restoredrill.outcome.SecretMasker;

import dev.restoredrill.outcome.Failure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real HTTP receiver on loopback, started by the test, as a chat webhook would receive the drill's summary. */
class DrillNotifierTest {
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    private static final String PASSWORD = "pl4nted-S3cret-pw";

    private HttpServer server;
    private final BlockingQueue<String> received = new ArrayBlockingQueue<>(4);
    private final BlockingQueue<String> contentTypes = new ArrayBlockingQueue<>(4);
    private volatile int status = 200;

    @BeforeEach
    void startReceiver() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks/T000/B000/tok3n", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
    }

    @Test
    void theReceiverGetsTheVerdictQuarterFailuresAndReportWithSlackText() throws Exception {
        DrillEvidence evidence = withFailure(SampleEvidence.failed(false, START),
                "Restore failed: postgres: psql: password=" + PASSWORD + " rejected");
        boolean sent = notifier().send(evidence, Path.of("reports/2026-Q4"));

        assertThat(sent).isTrue();
        String body = received.poll(10, TimeUnit.SECONDS);
        assertThat(body).isNotNull().doesNotContain(PASSWORD);
        assertThat(contentTypes.poll()).startsWith("application/json");
        JsonNode json = new ObjectMapper().readTree(body);
        assertThat(json.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(json.get("quarter").asText()).isEqualTo("2026-Q4");
        assertThat(json.get("report").asText()).endsWith("reports/2026-Q4");
        assertThat(json.get("failures")).hasSize(3);
        assertThat(json.get("text").asText()).startsWith(":x: Restore drill 2026-Q4 (quarterly): FAIL\n• RPO breach:")
                .contains("\nReport: ");
    }

    @Test
    void aReceiverThatFailsOrIsNotThereIsLoggedAndNothingThrows() throws Exception {
        status = 500;
        assertThat(notifier().send(SampleEvidence.failed(false, START), Path.of("reports/2026-Q4"))).isFalse();
        assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();

        int port = server.getAddress().getPort();
        server.stop(0);
        DrillNotifier gone = new DrillNotifier(URI.create("http://127.0.0.1:" + port + "/hooks/x"),
                new SecretMasker());
        assertThat(gone.send(SampleEvidence.failed(false, START), Path.of("reports/2026-Q4"))).isFalse();
    }

    private DrillNotifier notifier() {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/T000/B000/tok3n");
        return new DrillNotifier(url, new SecretMasker().register(PASSWORD));
    }

    private static DrillEvidence withFailure(DrillEvidence e, String failure) {
        java.util.List<Failure> failures = new java.util.ArrayList<>(e.failures());
        failures.add(Failure.of(failure));
        return new DrillEvidence(e.drillId(), e.scenario(), e.title(), e.demo(), e.operator(), e.host(), e.start(), e.end(),
                e.verdict(), e.backupManifest(), e.stores(), e.measuredRto(), e.checks(), e.journey(), failures);
    }
}
