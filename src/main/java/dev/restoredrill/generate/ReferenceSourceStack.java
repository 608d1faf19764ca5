package dev.restoredrill.generate;

import dev.restoredrill.concurrent.DaemonThreads;
import dev.restoredrill.concurrent.Heartbeat;
import dev.restoredrill.stack.ServiceEndpoint;
import dev.restoredrill.stack.DockerCli;
import dev.restoredrill.stack.DrillLabels;
import dev.restoredrill.stack.PacedHealthcheckWait;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.testcontainers.containers.GenericContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.utility.DockerImageName;

/**
 * A source stack of the four stores on the reference images (real Postgres 15 and ClickHouse 18.16,
 * the MongoDB and MinIO stand-ins), one container each over a named volume of its own, all labelled
 * and removed on {@link #close()}, also on Ctrl-C (a shutdown hook); after a kill, the drill's
 * {@link dev.restoredrill.stack.LeftoverReaper} removes it at the next start by the drill labels it carries
 * (its prefix as {@link DrillLabels#DRILL}, this JVM's pid as {@link DrillLabels#OWNER_PID}). Good enough for generating backups; the drill itself runs the
 * platform's compose file. Service passwords are random per stack.
 */
public final class ReferenceSourceStack implements SourceStack, AutoCloseable {
    /** Long enough for a dump or tarball of a large set; a hung docker command still ends. */
    private static final java.time.Duration DOCKER_TIMEOUT = java.time.Duration.ofHours(6);
    /** How often a long removal says it is still under way. */
    private static final Duration REMOVAL_BEAT = Duration.ofSeconds(15);

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceSourceStack.class);
    public static final String OWNER_KEY = "dev.restoredrill.owner";
    /** A restore must run as the same superuser: pg_dumpall leaves out CREATE ROLE for the role it ran as. */
    public static final String POSTGRES_USER = "platform";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final String owner;
    private final String prefix;
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final Map<String, ServiceEndpoint> endpoints = new ConcurrentHashMap<>();
    private final Thread shutdownHook;
    private boolean closed;

    private record Service(String name, GenericContainer<?> container, String volume, Map<String, String> env) {
    }

    private ReferenceSourceStack(String owner) {
        this.owner = owner;
        byte[] id = new byte[4];
        new SecureRandom().nextBytes(id);
        this.prefix = "restore-drill-source-" + HexFormat.of().formatHex(id);
        this.shutdownHook = new Thread(this::closeQuietly, "source-stack-teardown-" + prefix);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the four services and returns once all are healthy. {@code owner} labels everything created. */
    public static ReferenceSourceStack start(String owner) {
        dev.restoredrill.stack.DrillHost.current().applyToTestcontainers(); // the same engine as the docker CLI
        ReferenceSourceStack stack = new ReferenceSourceStack(owner);
        try {
            stack.add(POSTGRES, "restore-drill/postgres", "/var/lib/postgresql/data", 5432,
                    Map.of("POSTGRES_USER", POSTGRES_USER, "POSTGRES_PASSWORD", secret()));
            stack.add(MONGODB, "restore-drill/mongodb-standin", "/data/db", 27017, Map.of());
            stack.add(CLICKHOUSE, "restore-drill/clickhouse", "/var/lib/clickhouse", 8123,
                    Map.of("CLICKHOUSE_USER", "langfuse", "CLICKHOUSE_PASSWORD", secret()));
            stack.add(MINIO, "restore-drill/minio-s3proxy", "/data", 9000,
                    Map.of("MINIO_ROOT_USER", "minio", "MINIO_ROOT_PASSWORD", secret()));
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            try {
                stack.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * Starts the services side by side and waits until every start has ended, also when one fails, so that
     * {@link #close()} never runs while a container is still being created (it would be left behind).
     */
    private void startAll() {
        ExecutorService pool = Executors.newFixedThreadPool(services.size(), DaemonThreads.named("source-stack-start"));
        try {
            List<Future<?>> starts = services.values().stream()
                    .map(s -> pool.submit(() -> s.container().start())).collect(Collectors.toList());
            RuntimeException failure = null;
            for (Future<?> start : starts) {
                try {
                    start.get();
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
                            : new GenerateException("A service of the reference source stack did not start: " + e.getCause(), e.getCause());
                    failure = keepFirst(failure, cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = keepFirst(failure, new GenerateException("Interrupted while starting the source stack.", e));
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdown();
        }
    }

    private static RuntimeException keepFirst(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    private void add(String name, String repository, String dataPath, int port, Map<String, String> env) {
        String volume = prefix + "-" + name + "-data";
        List<String> create = new ArrayList<>(List.of("volume", "create"));
        create.addAll(DrillLabels.cliArgs(prefix, Map.of(OWNER_KEY, owner)));
        create.add(volume);
        DockerCli.require(DOCKER_TIMEOUT, create);
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(localImage(repository)))
                .withEnv(env)
                .withExposedPorts(port)
                .withLabels(DrillLabels.of(prefix, Map.of(OWNER_KEY, owner)))
                .withCreateContainerCmdModifier(cmd -> cmd.withName(prefix + "-" + name)
                        .getHostConfig().withBinds(new Bind(volume, new Volume(dataPath))))
                .waitingFor(new PacedHealthcheckWait().withStartupTimeout(START_TIMEOUT));
        services.put(name, new Service(name, container, volume, env));
    }

    /** The one local tag of a reference image (nothing can be pulled here). */
    private static String localImage(String repository) {
        String tags = DockerCli.require(DOCKER_TIMEOUT, List.of("images", "--format", "{{.Repository}}:{{.Tag}}", repository)).strip();
        if (tags.isBlank()) {
            throw new GenerateException("No local image " + repository + ":*; build the reference images first "
                    + "(compose/reference/build.sh).");
        }
        return tags.lines().findFirst().orElseThrow();
    }

    private static String secret() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private Service service(String name) {
        Service s = services.get(name);
        if (s == null) {
            throw new GenerateException("No service '" + name + "' in the reference source stack; it has " + services.keySet() + ".");
        }
        return s;
    }

    @Override
    public ServiceEndpoint endpoint(String service, int containerPort) {
        return endpoints.computeIfAbsent(service + ":" + containerPort, key -> {
            String mapping = DockerCli.require(DOCKER_TIMEOUT, List.of("port", containerId(service), containerPort + "/tcp")).strip();
            String first = mapping.lines().findFirst().orElseThrow(() -> new GenerateException(
                    "Port " + containerPort + " of " + service + " is not published; is the service running?"));
            return new ServiceEndpoint(service(service).container().getHost(), Integer.parseInt(first.substring(first.lastIndexOf(':') + 1)));
        });
    }

    @Override
    public int exec(String service, List<String> command, InputStream stdin, OutputStream stdout, OutputStream stderr) {
        List<String> arguments = new ArrayList<>(List.of("exec"));
        if (stdin != null) {
            arguments.add("-i");
        }
        arguments.add(containerId(service));
        arguments.addAll(command);
        return DockerCli.stream(DOCKER_TIMEOUT, Map.of(), arguments, stdin, stdout, stderr);
    }

    @Override
    public void stopService(String service) {
        endpoints.keySet().removeIf(key -> key.startsWith(service + ":"));
        DockerCli.require(DOCKER_TIMEOUT, List.of("stop", "-t", "60", containerId(service)));
    }

    @Override
    public void startService(String service) {
        String id = containerId(service);
        DockerCli.require(DOCKER_TIMEOUT, List.of("start", id));
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        String status = "";
        while (Instant.now().isBefore(deadline)) {
            status = DockerCli.require(DOCKER_TIMEOUT, List.of("inspect", "-f", "{{.State.Health.Status}}", id)).strip();
            if (status.equals("healthy")) {
                return;
            }
            sleep();
        }
        throw new GenerateException("Service " + service + " was not healthy " + START_TIMEOUT.toSeconds()
                + " s after a restart (status '" + status + "'); see 'docker logs " + id + "'.");
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerateException("Interrupted while waiting for a service to become healthy.", e);
        }
    }

    private String containerId(String service) {
        return service(service).container().getContainerId();
    }

    @Override
    public String volumeName(String logicalVolume) {
        String service = logicalVolume.endsWith("-data") ? logicalVolume.substring(0, logicalVolume.length() - 5) : logicalVolume;
        return service(service).volume();
    }

    @Override
    public String env(String service, String variable) {
        return service(service).env().get(variable);
    }

    /**
     * Removes every container with its anonymous volumes, then the named volumes; one that fails to go does not keep
     * the others. Testcontainers' stop() removes a container with its volumes; the removal by name also catches a
     * container whose start failed before Testcontainers learned its id.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Instant started = Instant.now();
        RuntimeException failure = null;
        StringJoiner took = new StringJoiner(", ", " (", ")");
        try (Heartbeat removing = Heartbeat.every(REMOVAL_BEAT, "source-stack-removal", soFar -> LOG.info(
                "source stack {}: still being removed after {} s (the engine deletes a volume file by file)", prefix,
                soFar.toSeconds()))) {
            for (Service s : services.values()) {
                Instant serviceStarted = Instant.now();
                try {
                    s.container().stop();
                } catch (RuntimeException e) {
                    failure = keepFirst(failure, e);
                }
                DockerCli.stream(DOCKER_TIMEOUT, Map.of(), List.of("rm", "-f", "-v", prefix + "-" + s.name()), null, null, null);
                DockerCli.stream(DOCKER_TIMEOUT, Map.of(), List.of("volume", "rm", "-f", s.volume()), null, null, null);
                took.add(s.name() + " " + seconds(serviceStarted));
            }
        }
        // A large set's volumes go file by file (a 5 GB set's: about two minutes): the line says how long, and where.
        LOG.info("source stack {}: {} containers and their volumes removed in {}{}", prefix, services.size(), seconds(started), took);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Called from the hook itself: nothing to unregister.
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static String seconds(Instant since) {
        return String.format(Locale.ROOT, "%.1f s", Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("source stack " + prefix + ": teardown failed: " + e.getMessage()
                    + "; the next drill removes what is left by label " + DrillLabels.DRILL);
        }
    }
}
