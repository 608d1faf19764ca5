package dev.restoredrill.stack;

import com.github.dockerjava.api.model.HealthCheck;
import dev.restoredrill.testsupport.RequiresDocker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The source stores' wait: a container whose healthcheck passes is started; one that exits, has no healthcheck, or
 * whose healthcheck gives up fails its start at once (not at the timeout) with what the engine said.
 */
@RequiresDocker
class PacedHealthcheckWaitIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @Test
    void startsOnceTheHealthcheckPasses() throws Exception {
        try (GenericContainer<?> container = container("sleep 2 && touch /tmp/ready && exec sleep 600", "test -f /tmp/ready")) {
            container.start();

            assertThat(container.getCurrentContainerInfo().getState().getHealth().getStatus()).isEqualTo("healthy");
            assertThat(container.execInContainer("test", "-f", "/tmp/ready").getExitCode()).isZero();
        }
    }

    @Test
    void anUnhealthyContainerFailsItsStartWithTheChecksLastWords() {
        try (GenericContainer<?> container = container("exec sleep 600", "echo 'no space left on device' >&2; exit 1")) {
            assertThatThrownBy(container::start).rootCause()
                    .hasMessageContaining("is unhealthy: its healthcheck failed every retry")
                    .hasMessageContaining("last check said: no space left on device");
        }
    }

    @Test
    void aContainerThatExitsFailsItsStartWithItsExitCode() {
        try (GenericContainer<?> container = container("sleep 1; exit 3", "true")) {
            assertThatThrownBy(container::start).rootCause()
                    .hasMessageContaining("exited (code 3) before it was healthy")
                    .hasMessageContaining("docker logs");
        }
    }

    @Test
    void aContainerStillStartingAtTheTimeoutSaysWhatItsHealthcheckSays() {
        try (GenericContainer<?> container = container("exec sleep 600", "echo 'waiting for the primary' && exit 1", 100)
                .waitingFor(new PacedHealthcheckWait().withStartupTimeout(Duration.ofSeconds(4)))) {
            assertThatThrownBy(container::start).rootCause()
                    .hasMessageContaining("was not healthy within 4 s: its healthcheck says 'starting'")
                    .hasMessageContaining("last check said: waiting for the primary");
        }
    }

    @Test
    void aContainerWithoutAHealthcheckIsNamedAsSuch() {
        try (GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(ReferenceImages.TINY))
                .withCommand("sh", "-c", "exec sleep 600")
                .waitingFor(new PacedHealthcheckWait().withStartupTimeout(TIMEOUT))) {
            assertThatThrownBy(container::start).rootCause().hasMessageContaining("has no healthcheck to wait for");
        }
    }

    private static GenericContainer<?> container(String command, String check) {
        return container(command, check, 2);
    }

    /** Checks every second; {@code retries} failed checks in a row make the container unhealthy. */
    private static GenericContainer<?> container(String command, String check, int retries) {
        long second = TimeUnit.SECONDS.toNanos(1);
        return new GenericContainer<>(DockerImageName.parse(ReferenceImages.TINY))
                .withCommand("sh", "-c", command)
                .withCreateContainerCmdModifier(cmd -> cmd.withHealthcheck(new HealthCheck()
                        .withTest(List.of("CMD-SHELL", check)).withInterval(second).withTimeout(second).withRetries(retries)))
                .waitingFor(new PacedHealthcheckWait().withStartupTimeout(TIMEOUT));
    }
}
