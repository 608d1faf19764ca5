package dev.restoredrill.stack;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * One store in a container of its own, next to a drill's stack and gone after it: for restoring something that
 * must never touch the drill's real stores (the negative control's damaged backup). It runs the same image as the
 * drill's service, carries the drill's labels (so the next drill's {@link LeftoverReaper} removes it if this JVM
 * dies) and a {@value #LABEL} label, has no volume but its anonymous one, publishes its port on an ephemeral host
 * port only, and is removed with that volume by {@link #close()}. As a {@link ServiceStack} of one service it takes
 * the drill's logical restore engines unchanged.
 */
public final class ThrowAwayStore implements ServiceStack, AutoCloseable {

    /** Marks the container as a throw-away store; the value says what it is for. */
    public static final String LABEL = "dev.restoredrill.throw-away";
    private static final Logger LOG = LoggerFactory.getLogger(ThrowAwayStore.class);
    private static final Duration CLI_TIMEOUT = Duration.ofSeconds(60);

    private final DrillId drill;
    private final String service;
    private final int port;
    private final List<String> readyCommand;
    private final GenericContainer<?> container;

    /**
     * @param service      the name the store goes by (its restore engine's service), e.g. postgres-negative-control
     * @param readyCommand run inside the container until it exits 0, e.g. {@code pg_isready}
     */
    public ThrowAwayStore(DrillId drill, String service, String image, int port, Map<String, String> env,
                          List<String> readyCommand, String purpose) {
        this.drill = drill;
        this.service = service;
        this.port = port;
        this.readyCommand = List.copyOf(readyCommand);
        this.container = new GenericContainer<>(DockerImageName.parse(image))
                .withEnv(env)
                .withExposedPorts(port)
                .withLabels(DrillLabels.of(drill.value(), Map.of(LABEL, purpose)))
                .waitingFor(Wait.forListeningPort().withStartupTimeout(Duration.ofMinutes(10)));
    }

    @Override
    public DrillId id() {
        return drill;
    }

    @Override
    public String volumeName(String logicalName) {
        throw new UnsupportedOperationException("a throw-away store has no named volumes: it takes logical "
                + "restores only (asked for " + logicalName + ")");
    }

    @Override
    public String prepareVolume(String logicalName) {
        return volumeName(logicalName);
    }

    @Override
    public void start() {
        container.start();
        LOG.info("throw-away store {} of drill {} started ({}, container {})", service, drill,
                container.getDockerImageName(), container.getContainerId().substring(0, 12));
    }

    /** Returns once the ready command succeeds inside the container (the port opens before the server is ready). */
    @Override
    public void awaitHealthy(String service, Duration timeout) {
        requireOwn(service);
        try {
            Awaitility.await(service + " ready").atMost(timeout).pollInterval(Duration.ofMillis(500))
                    .until(() -> DockerCli.run(CLI_TIMEOUT, Map.of(), command(readyCommand)).ok());
        } catch (ConditionTimeoutException e) {
            throw new ServiceFailedException(service, "throw-away store '" + service + "' of drill " + drill
                    + " was not ready within " + timeout.toSeconds() + " s", logTail(service, 40));
        }
    }

    @Override
    public String logTail(String service, int lines) {
        try {
            List<String> all = container.getLogs().lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (RuntimeException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Read from the engine each time: a container stopped and started again gets another ephemeral port. */
    @Override
    public ServiceEndpoint endpoint(String service, int port) {
        requireOwn(service);
        String published = DockerCli.require(CLI_TIMEOUT, "port", containerId(), port + "/tcp").strip();
        String first = published.lines().findFirst().orElseThrow(() -> new IllegalStateException("throw-away store '"
                + service + "' publishes no port " + port));
        return new ServiceEndpoint(container.getHost(), Integer.parseInt(first.substring(first.lastIndexOf(':') + 1)));
    }

    /** The container's id, e.g. for stopping it to change its files in a test. */
    public String containerId() {
        return container.getContainerId();
    }

    /** The store's endpoint at its one port. */
    public ServiceEndpoint endpoint() {
        return endpoint(service, port);
    }

    @Override
    public int exec(String service, List<String> command, InputStream stdin, OutputStream stdout,
                    OutputStream stderr, Duration timeout) {
        requireOwn(service);
        return DockerCli.stream(timeout, Map.of(), command(command), stdin, stdout, stderr);
    }

    /** Stops and removes the container with its anonymous volume. Idempotent. */
    @Override
    public void close() {
        if (container.getContainerId() != null) {
            container.stop();
            LOG.info("throw-away store {} of drill {} removed", service, drill);
        }
    }

    private List<String> command(List<String> command) {
        List<String> args = new ArrayList<>(List.of("exec", "-i", container.getContainerId()));
        args.addAll(command);
        return args;
    }

    private void requireOwn(String name) {
        if (!service.equals(name)) {
            throw new IllegalArgumentException("throw-away store '" + service + "' has no service '" + name + "'");
        }
    }
}
