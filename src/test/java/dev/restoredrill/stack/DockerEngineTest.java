package dev.restoredrill.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DockerEngineTest {

    @Test
    void aMissingSocketIsReportedWithWhereItWasLookedFor(@TempDir Path dir) {
        Path missing = dir.resolve("docker.sock");
        String reason = DockerEngine.unreachableReason(URI.create("unix://" + missing), Duration.ofSeconds(1));
        assertThat(reason).contains(missing.toString()).contains("does not exist");
    }

    @Test
    void anEngineThatAcceptsButNeverAnswersIsReportedAsSilent() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            String reason = DockerEngine.unreachableReason(
                    URI.create("tcp://127.0.0.1:" + silent.getLocalPort()), Duration.ofMillis(300));
            assertThat(reason).contains("127.0.0.1:" + silent.getLocalPort()).contains("SocketTimeoutException");
        }
    }
}
