package dev.restoredrill.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second Docker engine on this machine, standing in for a remote drill host: its own network namespace (a veth
 * pair with a /30 of its own, so it does not fight the main engine over docker0 and iptables), its own mount
 * namespace, data root, exec root and pidfile under /tmp, listening on tcp://ADDRESS:2375 inside the namespace.
 * Started as /work/shared/platform-facts.md describes ({@code nsenter --net … unshare -m … dockerd}; not
 * {@code ip netns exec}, which remounts /sys and hides the cgroups). Needs root.
 *
 * <p>{@link #close()} stops the engine, removes the namespace and deletes the data root, also after a failure (and
 * from a shutdown hook if the JVM ends first).
 */
public final class SecondEngine implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final String name;
    private final Path root;
    private final String hostAddress;
    private final String engineAddress;
    private final Thread hook;
    private boolean closed;

    private SecondEngine(String name, Path root, String hostAddress, String engineAddress) {
        this.name = name;
        this.root = root;
        this.hostAddress = hostAddress;
        this.engineAddress = engineAddress;
        this.hook = new Thread(this::closeQuietly, "second-engine-teardown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts the engine and waits until it answers; fails with its log tail when it does not. */
    public static SecondEngine start() {
        long pid = ProcessHandle.current().pid();
        String name = "rdhost" + pid;
        int subnet = freeSubnet(pid); // a /30 in 10.231.77.0/24: .1 this side, .2 the engine's
        String hostAddress = "10.231.77." + (subnet + 1);
        String engineAddress = "10.231.77." + (subnet + 2);
        Path root;
        try {
            root = Files.createTempDirectory("restore-drill-second-engine-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SecondEngine engine = new SecondEngine(name, root, hostAddress, engineAddress);
        try {
            engine.sh("ip netns add " + name
                    + " && ip link add " + name + "h type veth peer name " + name + "d"
                    + " && ip link set " + name + "d netns " + name
                    + " && ip addr add " + hostAddress + "/30 dev " + name + "h && ip link set " + name + "h up"
                    + " && nsenter --net=/run/netns/" + name + " ip addr add " + engineAddress + "/30 dev " + name + "d"
                    + " && nsenter --net=/run/netns/" + name + " ip link set " + name + "d up"
                    + " && nsenter --net=/run/netns/" + name + " ip link set lo up");
            engine.sh("setsid nohup nsenter --net=/run/netns/" + name + " unshare -m --propagation private dockerd"
                    + " --data-root " + root.resolve("data") + " --exec-root " + root.resolve("exec")
                    + " --pidfile " + root.resolve("dockerd.pid") + " -H " + engine.url() + " -H unix://" + engine.socket()
                    + " > " + root.resolve("dockerd.log") + " 2>&1 < /dev/null &");
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!engine.docker("version").ok()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the second engine did not answer at " + engine.url() + " within "
                            + START_TIMEOUT.toSeconds() + " s; its log:\n" + engine.logTail());
                }
                Thread.sleep(500);
            }
            return engine;
        } catch (RuntimeException | InterruptedException e) {
            engine.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    /** The engine's API, as DOCKER_HOST or -Ddrill.docker-host names it. */
    public String url() {
        return "tcp://" + engineAddress + ":2375";
    }

    /** Its unix socket (for an sshd in its namespace that stands where a drill host's sshd would). */
    public Path socket() {
        return root.resolve("docker.sock");
    }

    /** Its network namespace, as {@code /run/netns/NAME}. */
    public String namespace() {
        return name;
    }

    /** Where its published ports are reached. */
    public String address() {
        return engineAddress;
    }

    /** Copies images from the main engine ({@code docker save … | docker -H … load}), shared layers once. */
    public void load(List<String> images) {
        Result result = sh("docker save " + String.join(" ", images) + " | docker -H " + url() + " load");
        if (!result.ok()) {
            throw new IllegalStateException("could not load " + images + " into the second engine: " + result.output());
        }
    }

    /** {@code docker -H <this engine> ARGS}. */
    public Result docker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker", "-H", url()));
        command.addAll(List.of(args));
        return run(command);
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(root.resolve("dockerd.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the engine (SIGTERM, then SIGKILL after 60 s), removes its namespace and deletes its data root. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Path pidFile = root.resolve("dockerd.pid");
        try {
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readString(pidFile).strip());
                ProcessHandle.of(pid).ifPresent(process -> {
                    process.destroy();
                    try {
                        process.onExit().get(60, TimeUnit.SECONDS);
                    } catch (Exception notYet) {
                        process.destroyForcibly();
                    }
                });
            }
        } catch (IOException | NumberFormatException e) {
            System.err.println("second engine: could not read its pidfile: " + e.getMessage());
        }
        sh("ip netns del " + name + " 2>/dev/null; ip link del " + name + "h 2>/dev/null; true");
        sh("rm -rf " + root);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("second engine: teardown failed: " + e.getMessage());
        }
    }

    /** What a command printed (stdout and stderr together) and how it ended. */
    public record Result(int exit, String output) {
        public boolean ok() {
            return exit == 0;
        }
    }

    /**
     * The first /30 from the pid's own on that no interface of the host holds: test JVMs run at once, and the kernel
     * would let two take the same address on different links (each engine then unreachable half the time).
     */
    private static int freeSubnet(long pid) {
        String taken = run(List.of("ip", "-o", "-4", "addr", "show")).output();
        for (int i = 0; i < 60; i++) {
            int subnet = (int) ((pid + i) % 60) * 4;
            if (!taken.contains(" 10.231.77." + (subnet + 1) + "/")) {
                return subnet;
            }
        }
        throw new IllegalStateException("no free /30 in 10.231.77.0/24 for a second engine: 60 are held ("
                + "`ip -o -4 addr show`); remove the rdhost* links of earlier runs (ip link delete rdhostNh)");
    }

    private Result sh(String script) {
        return run(List.of("bash", "-c", script));
    }

    private static Result run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
