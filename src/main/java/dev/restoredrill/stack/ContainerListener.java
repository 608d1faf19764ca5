package dev.restoredrill.stack;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.Locale;

/**
 * Waits until a process in a container listens on a TCP port, read from the kernel's socket tables inside the
 * container ({@code /proc/net/tcp} and {@code tcp6}, state {@code 0A} = LISTEN) rather than by connecting: a test
 * connection to a forwarder would open a real connection to the destination behind it, and a port the engine
 * publishes accepts (and then drops) connections before the process behind it listens.
 */
public final class ContainerListener {

    private static final String LISTEN = "0A";
    private static final Duration CLI_TIMEOUT = Duration.ofSeconds(20);

    private ContainerListener() {
    }

    /** Returns when {@code container} listens on {@code port}; fails with what it found after {@code timeout}. */
    public static void await(String container, int port, Duration timeout) {
        try {
            Awaitility.await(container + " listening on port " + port).atMost(timeout)
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                    .until(() -> listens(socketTables(container), port));
        } catch (ConditionTimeoutException e) {
            DockerCli.Result state = DockerCli.run(CLI_TIMEOUT, "ps", "-a", "--filter", "name=^" + container + "$",
                    "--format", "{{.Status}}");
            throw new IllegalStateException("container " + container + " does not listen on TCP port " + port
                    + " within " + timeout.toSeconds() + " s (its state: '" + state.stdout().strip() + "'; its log: "
                    + DockerCli.run(CLI_TIMEOUT, "logs", "--tail", "5", container).stderr().strip() + "). Check that "
                    + "its command binds that port; `docker logs " + container + "` shows why it did not.", e);
        }
    }

    /** Whether a {@code /proc/net/tcp}-format table holds a listening socket on {@code port}. */
    static boolean listens(String socketTables, int port) {
        String localPort = ":" + String.format(Locale.ROOT, "%04X", port);
        return socketTables.lines().map(String::strip).map(line -> line.split("\\s+"))
                .anyMatch(fields -> fields.length > 3 && fields[1].endsWith(localPort) && fields[3].equals(LISTEN));
    }

    private static String socketTables(String container) {
        // tcp6 may be missing (IPv6 off in the container): cat prints what it can and exits 1, which is fine.
        return DockerCli.run(CLI_TIMEOUT, "exec", container, "cat", "/proc/net/tcp", "/proc/net/tcp6").stdout();
    }
}
