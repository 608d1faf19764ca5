package dev.restoredrill.stack;

import dev.restoredrill.concurrent.Heartbeat;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.SocatContainer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A drill's parallel stack: the platform's compose file plus the drill's overrides, run by Testcontainers'
 * {@link ComposeContainer} under a project name of its own ({@code drill-<date>-<random>}), so every volume is
 * new and production's containers, volumes, networks and host ports are never touched.
 *
 * <p>Lifecycle: {@link #create} (nothing runs yet; volumes may be prepared for snapshot restores), {@link #start},
 * then {@link #close}, which removes everything the drill created, also on failure and on Ctrl-C (a shutdown
 * hook). Services are reached through Testcontainers' socat ambassador on ephemeral host ports, one per service,
 * so a service that dies fails only its own store.
 */
public final class DrillStack implements ServiceStack, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DrillStack.class);
    private static final Duration CLI_TIMEOUT = Duration.ofMinutes(5);
    /** How often a long removal says it is still under way. */
    private static final Duration REMOVAL_BEAT = Duration.ofSeconds(15);
    private static final String LIBRECHAT = "librechat";
    /** The named volume drill.override.yml mounts at LibreChat's CONFIG_PATH directory. */
    static final String LIBRECHAT_CONFIG_VOLUME = "librechat-config";
    private static final String POSTGRES = "postgres";
    /** The named volume drill.override.yml mounts at postgres's /docker-entrypoint-initdb.d. */
    static final String POSTGRES_INITDB_VOLUME = "postgres-initdb";

    private final DrillId id;
    private final ComposeContainer compose;
    private final Map<String, SocatContainer> ambassadors = new ConcurrentHashMap<>();
    private final Thread shutdownHook;
    /** The merged compose file, parsed once; its {@code file()} is what {@code docker compose -f} is given. */
    private final RenderedCompose renderedCompose;
    private final Map<String, String> environment;
    private final StackDefinition definition;
    private final Object closing = new Object();
    private boolean closed; // guarded by closing
    private boolean configsDelivered;

    private DrillStack(DrillId id, ComposeContainer compose, RenderedCompose renderedCompose,
                       Map<String, String> environment, StackDefinition definition) {
        this.id = id;
        this.definition = definition;
        this.compose = compose;
        this.renderedCompose = renderedCompose;
        this.environment = Map.copyOf(environment);
        this.shutdownHook = new Thread(this::closeQuietly, "drill-stack-teardown-" + id);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Prepares a stack: renders the compose files into one, picks the project name and checks that nothing of
     * that project exists yet. Starts nothing.
     */
    public static DrillStack create(StackDefinition definition, DrillCredentials credentials, Clock clock) {
        EngineCheck.Engine engine = DockerEngine.requireReachable();
        String prefix = "drill-" + LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE) + "-";
        Path rendered = ComposeRenderer.render(definition.composeFiles(), prefix + "render",
                credentials.toEnvironment(), definition.workDir().resolve("compose.drill.yml"));
        ComposeContainer compose = new ComposeContainer(prefix, List.of(rendered.toFile()))
                .withServices(definition.services().toArray(String[]::new))
                // Compose resolves images itself (pull_policy); a Testcontainers pre-pull would try a registry.
                .withPull(false)
                .withRemoveVolumes(true)
                .withStartupTimeout(definition.startupTimeout());
        DrillId id = new DrillId(projectOf(compose));
        String text = nameProject(rendered, id);
        refuseExistingVolumes(id);
        RenderedCompose services = RenderedCompose.read(rendered);
        // Before any restore prepares a volume: the helper (snapshot extraction, config files) and the services.
        List<String> images = new ArrayList<>(List.of(ReferenceImages.TINY));
        definition.services().forEach(service -> images.add(services.image(service)));
        MissingImages.require(DrillHost.current(), images);
        Map<String, String> environment = StackEnvironment.forDrill(id, credentials, text, definition.environment(),
                System.getenv());
        compose.withEnv(environment);
        LOG.info("drill stack {}: {} compose file(s) rendered into {}; drill host {} (Docker {}, API {})", id,
                definition.composeFiles().size(), rendered, DrillHost.current().masked(), engine.version(),
                engine.api());
        return new DrillStack(id, compose, services, environment, definition);
    }

    @Override
    public DrillId id() {
        return id;
    }

    /** The compose project's name for a volume declared as {@code logicalName} (e.g. clickhouse-data). */
    @Override
    public String volumeName(String logicalName) {
        return id.value() + "_" + logicalName;
    }

    /**
     * Creates a volume of this project before its service first starts (for snapshot restores), labelled as
     * compose labels its own so that compose adopts it and {@code down -v} removes it.
     */
    @Override
    public String prepareVolume(String logicalName) {
        String name = volumeName(logicalName);
        List<String> create = new ArrayList<>(List.of("volume", "create"));
        // Without its owner a running drill's volume looks killed to another drill's LeftoverReaper.
        create.addAll(DrillLabels.cliArgs(id.value(), Map.of(DrillLabels.COMPOSE_PROJECT, id.value(),
                "com.docker.compose.volume", logicalName)));
        create.add(name);
        DockerCli.require(CLI_TIMEOUT, create);
        return name;
    }

    /** Runs {@code docker compose up} for the stack's services; health is awaited per service. */
    @Override
    public synchronized void start() {
        long started = System.nanoTime();
        deliverConfigs();
        compose.start();
        LOG.info("drill stack {}: services up in {} ms", id, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * {@code docker compose up -d} of those of {@code services} that need none of {@code waiting}, before
     * {@link #start}: compose starts a service's dependencies with it, and a service whose volume is still being
     * filled must not start. {@link #start} leaves them running (compose recreates only a changed service).
     */
    @Override
    public synchronized List<String> startAhead(List<String> services, Set<String> waiting) {
        List<String> ahead = services.stream().filter(service -> !waiting.contains(service)
                && renderedCompose.needs(service).stream().noneMatch(waiting::contains)).toList();
        if (!ahead.isEmpty()) {
            long started = System.nanoTime();
            deliverConfigs();
            startLater(ahead);
            LOG.info("drill stack {}: {} started ahead in {} ms, while {} wait for their volumes", id, ahead,
                    (System.nanoTime() - started) / 1_000_000, new TreeSet<>(waiting));
        }
        return ahead;
    }

    private void deliverConfigs() {
        if (!configsDelivered) {
            deliverConfig(LIBRECHAT, LIBRECHAT_CONFIG_VOLUME, "librechat.yaml");
            deliverConfig(POSTGRES, POSTGRES_INITDB_VOLUME, "postgres-bulk-load.sql");
            configsDelivered = true;
        }
    }

    /**
     * Starts more of the platform's services after {@link #start} (the apps, once their stores are restored, as the
     * runbook restores first and starts the platform after): {@code docker compose up -d --no-recreate}, which waits
     * for their dependencies' health conditions and leaves running services alone. Health is awaited per service.
     */
    public void startLater(List<String> services) {
        MissingImages.require(DrillHost.current(), services.stream().map(this::serviceImage).toList());
        List<String> args = new ArrayList<>(List.of("compose", "-p", id.value(), "-f",
                renderedCompose.file().toAbsolutePath().toString(), "up", "-d", "--no-recreate"));
        args.addAll(services);
        DockerCli.Result result = DockerCli.run(CLI_TIMEOUT, environment, args);
        if (!result.ok()) {
            throw new IllegalStateException("`docker compose up` of " + services + " in drill " + id + " failed: "
                    + result.stderr().strip());
        }
        LOG.info("drill stack {}: started {}", id, services);
    }

    /**
     * A file the drill's compose files name, delivered into its volume before the service starts (see
     * drill.override.yml and {@link ConfigVolume}): librechat.yaml through a volume instead of the platform's bind
     * mount, and postgres-bulk-load.sql as the fresh postgres's init script. Taken from beside the compose files.
     */
    private void deliverConfig(String service, String logicalVolume, String file) {
        if (definition.services().contains(service) && renderedCompose.volumes().contains(logicalVolume)) {
            Path composeDir = definition.composeFiles().get(0).toAbsolutePath().getParent();
            ConfigVolume.deliver(this, logicalVolume, composeDir.resolve(file), file, ReferenceImages.TINY);
        }
    }

    /**
     * Every bind mount of this drill's containers ({@code <container> <host path> -> <container path>}); empty for
     * a drill that can run on another machine's engine. For the isolation evidence.
     */
    public List<String> bindMounts() {
        return IsolationInspector.inspect(id).containers().stream()
                .flatMap(c -> c.bindMounts().stream().map(bind -> c.name() + " " + bind)).toList();
    }

    /** The image the merged compose file gives a service (after every override), e.g. for reading what it ships. */
    public String serviceImage(String service) {
        return renderedCompose.image(service);
    }

    /**
     * Waits until the service's container reports healthy (or runs, if its image has no healthcheck). A container
     * that exits or stays unhealthy fails with the tail of its log.
     */
    @Override
    public void awaitHealthy(String service, Duration timeout) {
        try {
            Awaitility.await("service " + service + " healthy")
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsMatching(e -> e instanceof IllegalStateException
                            && e.getMessage() != null && e.getMessage().startsWith("no container"))
                    .until(() -> {
                        String state = state(service);
                        if (state.startsWith("exited") || state.startsWith("dead")) {
                            throw failure(service, "its container " + state.split(" ")[0] + " before it became "
                                    + "healthy");
                        }
                        return state.equals("running healthy") || state.equals("running");
                    });
        } catch (ConditionTimeoutException e) {
            throw failure(service, "it was not healthy within " + timeout.toSeconds() + " s (state: "
                    + safeState(service) + ")");
        }
    }

    /** The container's status and health, e.g. {@code running healthy} or {@code exited}. */
    public String state(String service) {
        String containerId = containerId(service);
        return DockerCli.require(CLI_TIMEOUT, "inspect", "--format",
                "{{.State.Status}}{{if .State.Health}} {{.State.Health.Status}}{{end}}", containerId).strip();
    }

    private String safeState(String service) {
        try {
            return state(service);
        } catch (RuntimeException e) {
            return "unknown: " + e.getMessage();
        }
    }

    private ServiceFailedException failure(String service, String why) {
        String tail = logTail(service, 40);
        return new ServiceFailedException(service, "service '" + service + "' of drill " + id + " failed: " + why
                + ". See the attached log tail; check its image and its restored volume.", tail);
    }

    /** The id of the service's (first) container, including a stopped one. */
    public String containerId(String service) {
        String ids = DockerCli.require(CLI_TIMEOUT, "ps", "-aq",
                "--filter", "label=" + DrillLabels.COMPOSE_PROJECT + "=" + id.value(),
                "--filter", "label=com.docker.compose.service=" + service).strip();
        if (ids.isEmpty()) {
            throw new IllegalStateException("no container for service '" + service + "' in drill " + id);
        }
        return ids.lines().findFirst().orElseThrow();
    }

    /** The images this drill's containers run, for the evidence (image names as compose started them). */
    public List<String> images() {
        return DockerCli.require(CLI_TIMEOUT, "ps", "-a", "--filter",
                "label=" + DrillLabels.COMPOSE_PROJECT + "=" + id.value(), "--format", "{{.Image}}")
                .lines().filter(line -> !line.isBlank()).distinct().sorted().toList();
    }

    /** The last lines of the service's log (stdout and stderr), for evidence of a failure. */
    @Override
    public String logTail(String service, int lines) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DockerCli.stream(CLI_TIMEOUT, Map.of(), List.of("logs", "--tail", String.valueOf(lines),
                    containerId(service)), null, out, out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * Where the harness reaches {@code port} of {@code service}: a socat ambassador of Testcontainers, mapped to an
     * ephemeral host port and labelled with the drill's id. The drill's network is internal, and on engine 20.10 a
     * container only on an internal network loses its published ports: the ambassador starts on the engine's
     * default bridge (which carries the published port) and is then connected to the drill network, the only
     * container on both.
     */
    @Override
    public ServiceEndpoint endpoint(String service, int port) {
        SocatContainer ambassador = ambassadors.computeIfAbsent(service + ":" + port, key -> {
            SocatContainer socat = new SocatContainer()
                    .withTarget(port, service)
                    .withLabels(DrillLabels.of(id.value(), Map.of(HarnessRole.LABEL, HarnessRole.AMBASSADOR.value())))
                    // A loaded engine has once answered the first inspect without the published port ("Requested
                    // port is not mapped"): a new ambassador is cheap, the drill's verdict is not.
                    .withStartupAttempts(3);
            socat.start();
            DockerCli.require(CLI_TIMEOUT, "network", "connect", networkName(), socat.getContainerId());
            awaitAccepting(service, socat.getHost(), socat.getMappedPort(port));
            return socat;
        });
        return new ServiceEndpoint(ambassador.getHost(), ambassador.getMappedPort(port));
    }

    /** The engine may re-program an ambassador's port mapping as it joins the drill network: wait for it. */
    private void awaitAccepting(String service, String host, int port) {
        try {
            Awaitility.await("ambassador of " + service + " accepting on " + host + ":" + port)
                    .atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> {
                        try (java.net.Socket socket = new java.net.Socket()) {
                            socket.connect(new java.net.InetSocketAddress(host, port), 2000);
                            return true;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("the harness's ambassador to " + service + " of drill " + id + " does not"
                    + " accept connections on " + host + ":" + port + " after joining the drill network " + networkName()
                    + " (state: " + DockerCli.run(CLI_TIMEOUT, "ps", "-a", "--filter", "label=" + DrillLabels.DRILL
                    + "=" + id.value(), "--format", "{{.Names}} {{.Status}} {{.Ports}}").stdout().strip() + ")", e);
        }
    }

    /** The drill's own network (compose's default network of the project), internal unless isolation is off. */
    public String networkName() {
        return id.value() + "_default";
    }

    /** {@code docker exec -i} into the service's container, streaming both ways; returns the exit code. */
    @Override
    public int exec(String service, List<String> command, InputStream stdin, OutputStream stdout,
                    OutputStream stderr, Duration timeout) {
        List<String> args = new ArrayList<>(List.of("exec", "-i", containerId(service)));
        args.addAll(command);
        return DockerCli.stream(timeout, Map.of(), args, stdin, stdout, stderr);
    }

    /**
     * Removes everything the drill created: ambassadors, containers, volumes, network. Idempotent; a second caller
     * (the shutdown hook on Ctrl-C while the drill tears down on another thread) waits for the first to finish.
     */
    @Override
    public void close() {
        synchronized (closing) {
            if (!closed) {
                closed = true;
                remove();
            }
        }
    }

    private void remove() {
        long started = System.nanoTime();
        ambassadors.values().forEach(SocatContainer::stop);
        try (Heartbeat removing = Heartbeat.every(REMOVAL_BEAT, "drill-stack-removal", took -> LOG.info(
                "drill stack {}: still being removed after {} s (the engine deletes a restored volume file by file)",
                id, took.toSeconds()))) {
            compose.stop();
        } catch (RuntimeException e) {
            LOG.warn("drill stack {}: compose down failed ({}); removing by label", id, e.getMessage());
        }
        LeftoverReaper.removeDrill(id.value());
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Called from the hook itself during Ctrl-C: nothing to unregister.
        }
        LOG.info("drill stack {}: torn down in {} s", id, (System.nanoTime() - started) / 1_000_000_000);
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("drill stack " + id + ": teardown failed: " + e.getMessage()
                    + "; the next drill removes what is left by label " + DrillLabels.DRILL);
        }
    }

    private static void refuseExistingVolumes(DrillId id) {
        String existing = DockerCli.require(CLI_TIMEOUT, "volume", "ls", "-q",
                "--filter", "label=" + DrillLabels.COMPOSE_PROJECT + "=" + id.value()).strip();
        if (!existing.isEmpty()) {
            throw new IllegalStateException("refusing to start drill " + id + ": volumes of that project already "
                    + "exist (" + existing.replace('\n', ' ') + "); a drill only ever restores into new volumes");
        }
    }

    /** Testcontainers appends a random suffix to the identifier and keeps the result private; read it once. */
    private static String projectOf(ComposeContainer compose) {
        try {
            Field project = ComposeContainer.class.getDeclaredField("project");
            project.setAccessible(true);
            return (String) project.get(compose);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Testcontainers version hides the compose project name", e);
        }
    }

    /** The platform file names its production project; the drill's file must name the drill's own. */
    private static String nameProject(Path rendered, DrillId id) {
        try {
            String text = Files.readString(rendered).replaceFirst("(?m)^name: .*$", "name: " + id.value());
            Files.writeString(rendered, text);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
