package dev.restoredrill.stack;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Waits until the container's own Docker healthcheck reports it healthy, asking the engine every
 * {@link #POLL}, and fails at once when the container exits or its healthcheck gives up.
 *
 * <p>Testcontainers' {@code Wait.forHealthcheck()} asks in a loop without a pause (duct-tape's
 * {@code Unreliables.retryUntilTrue}): each waiting container kept a harness thread and the engine busy
 * inspecting it, so on two cores the four source stores started on what those loops left over. The
 * healthchecks themselves run every few seconds, so asking four times a second loses nothing.
 */
public final class PacedHealthcheckWait extends AbstractWaitStrategy {
    private static final Duration POLL = Duration.ofMillis(250);
    private static final int MAX_OUTPUT = 300;

    /** What the engine said of the container at one look. */
    record Health(boolean running, Long exitCode, String status, String lastOutput) {
        boolean healthy() {
            return running && "healthy".equals(status);
        }

        /** Exited, without a healthcheck to wait for, or out of retries: waiting longer cannot help. */
        boolean hopeless() {
            return !running || status == null || "unhealthy".equals(status);
        }

        static Health of(InspectContainerResponse.ContainerState state) {
            HealthState health = state.getHealth();
            List<HealthStateLog> log = health == null ? null : health.getLog();
            String lastOutput = log == null || log.isEmpty() ? "" : String.valueOf(log.get(log.size() - 1).getOutput()).strip();
            if (lastOutput.length() > MAX_OUTPUT) {
                lastOutput = lastOutput.substring(0, MAX_OUTPUT) + "...";
            }
            return new Health(Boolean.TRUE.equals(state.getRunning()), state.getExitCodeLong(),
                    health == null ? null : health.getStatus(), lastOutput);
        }
    }

    @Override
    protected void waitUntilReady() {
        String container = waitStrategyTarget.getContainerInfo().getName().replaceFirst("^/", "");
        Health last;
        try {
            last = Awaitility.await("the healthcheck of " + container).atMost(startupTimeout)
                    .pollDelay(Duration.ZERO).pollInterval(POLL)
                    .until(() -> Health.of(waitStrategyTarget.getCurrentContainerInfo().getState()),
                            h -> h.healthy() || h.hopeless());
        } catch (ConditionTimeoutException e) {
            Health now = Health.of(waitStrategyTarget.getCurrentContainerInfo().getState());
            throw failure(container, "was not healthy within " + startupTimeout.toSeconds() + " s: its healthcheck says '"
                    + now.status() + "'" + lastOutput(now) + ". Expected 'healthy'; see 'docker logs " + container
                    + "' for why it is slow or stuck");
        }
        if (!last.running()) {
            throw failure(container, "exited (code " + last.exitCode() + ") before it was healthy" + lastOutput(last)
                    + "; see 'docker logs " + container + "'");
        }
        if (last.status() == null) {
            throw failure(container, "has no healthcheck to wait for; its image must declare a HEALTHCHECK");
        }
        if (!last.healthy()) {
            throw failure(container, "is unhealthy: its healthcheck failed every retry" + lastOutput(last)
                    + "; see 'docker logs " + container + "'");
        }
    }

    private static ContainerLaunchException failure(String container, String what) {
        return new ContainerLaunchException("Container " + container + " " + what + ".");
    }

    private static String lastOutput(Health health) {
        return health.lastOutput().isEmpty() ? "" : " (last check said: " + health.lastOutput() + ")";
    }
}
