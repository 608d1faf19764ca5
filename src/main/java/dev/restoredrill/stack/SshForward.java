package dev.restoredrill.stack;

import dev.restoredrill.outcome.SecretMasker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The drill host's engine socket forwarded over ssh to a unix socket in a private temp dir of this machine, for an
 * {@code ssh://user@host[:port]} drill host. Why the harness forwards it itself: Testcontainers' Docker client
 * (docker-java) has no ssh transport; the docker CLI, compose and Testcontainers all speak {@code unix://} to the
 * forward instead. ssh runs with {@code BatchMode=yes}, so it never prompts: keys come from the operator's agent or
 * {@code ~/.ssh/config}, and the harness never reads or logs them.
 *
 * <p>ssh runs under a small shell that holds a pipe from this JVM: {@link #close()} closes the pipe, and so does
 * the end of the JVM (also a kill), and the shell then ends ssh and deletes the temp dir (just after the JVM ends).
 * Why not a shutdown hook: hooks run in no set order, and the drill's own clean-up hooks (and Testcontainers') need
 * the engine until their end.
 */
public final class SshForward implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SshForward.class);
    static final String REMOTE_SOCKET = "/var/run/docker.sock";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /** The files of the forward's dir: the forwarded socket, ssh's stderr, the watcher's mark of a closed pipe. */
    static final String SOCKET = "docker.sock";
    static final String STDERR = "ssh.err";
    private static final String PIPE_CLOSED = "pipe-closed";
    /**
     * {@code sh -c SCRIPT ssh-forward DIR SSH-COMMAND…}: runs ssh and exits with ssh's status. A watcher in the
     * background waits for stdin (the JVM's pipe) to close, marks that in DIR and ends ssh; the shell then deletes
     * DIR. When ssh ends by itself, the shell ends the watcher first (the JVM closes the pipe of a process that
     * ended) and DIR stays, for this class to read ssh's stderr there and delete it. The mark, not whether the
     * watcher still runs, tells the two apart: the watcher may not have exited yet when ssh's end is seen. The mark
     * is written by {@code echo}, not {@code :}: a failed redirection of a special builtin ends the shell, and a
     * watcher ended so (DIR removed by someone else) would leave ssh running. Background jobs of sh read /dev/null,
     * hence fd 3.
     */
    static final String UNTIL_THE_PIPE_CLOSES = "dir=$1; shift; exec 3<&0 </dev/null; \"$@\" & ssh=$!; "
            + "{ read -r _ <&3; echo > \"$dir/" + PIPE_CLOSED + "\"; kill $ssh 2>/dev/null; } & watch=$!; "
            + "wait $ssh; rc=$?; "
            + "if [ -e \"$dir/" + PIPE_CLOSED + "\" ]; then wait $watch; rm -rf \"$dir\"; "
            + "else kill $watch 2>/dev/null; fi; "
            + "exit $rc";

    private final URI target;
    private final Process ssh;
    private final Path dir;
    private final Path socket;
    private final Path stderr;

    private SshForward(URI target, Process ssh, Path dir, Path socket, Path stderr) {
        this.target = target;
        this.ssh = ssh;
        this.dir = dir;
        this.socket = socket;
        this.stderr = stderr;
    }

    /** The ssh command that forwards {@code socket} to the drill host's engine socket. */
    static List<String> command(String executable, URI target, Path socket) {
        List<String> command = new ArrayList<>(List.of(executable, "-o", "BatchMode=yes", "-o",
                "ExitOnForwardFailure=yes", "-o", "ConnectTimeout=10", "-nNT", "-L", socket + ":" + REMOTE_SOCKET));
        if (target.getPort() > 0) {
            command.addAll(List.of("-p", String.valueOf(target.getPort())));
        }
        command.add(userAndHost(target));
        return command;
    }

    /** Opens the forward with the {@code ssh} on PATH and waits until the engine answers through it. */
    public static SshForward open(URI target) {
        return open("ssh", target, START_TIMEOUT);
    }

    /** {@code executable}: the ssh client (a stand-in in the fault tests). */
    static SshForward open(String executable, URI target, Duration timeout) {
        Path dir = privateDir();
        Path socket = dir.resolve(SOCKET);
        Path stderr = dir.resolve(STDERR);
        List<String> command = new ArrayList<>(List.of("sh", "-c", UNTIL_THE_PIPE_CLOSES, "ssh-forward",
                dir.toString()));
        command.addAll(command(executable, target, socket));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile());
        Process process;
        try {
            if (!installed(executable)) {
                throw new IOException("no " + executable + " on PATH");
            }
            process = builder.start();
        } catch (IOException e) {
            deleteQuietly(dir);
            throw new DockerUnavailableException("the drill host " + masked(target) + " is named by ssh://, but no ssh "
                    + "client could be started (" + e.getMessage() + "). Install OpenSSH's client (Debian: "
                    + "`apt-get install openssh-client`), or name the engine by tcp:// with TLS.");
        }
        SshForward forward = new SshForward(target, process, dir, socket, stderr);
        try {
            forward.awaitEngine(timeout);
            LOG.info("drill host {}: engine socket forwarded over ssh to {}", masked(target), socket);
            return forward;
        } catch (RuntimeException e) {
            forward.close();
            throw e;
        }
    }

    /**
     * The forward's temp dir, readable by this user only. The JVM deletes it and its files when it ends (after every
     * shutdown hook, so the drill's clean-up still reaches the engine): a forward lives as long as the JVM, and the
     * shell leaves the dir to this class when ssh ended by itself, e.g. when the connection dropped mid-drill.
     */
    static Path privateDir() {
        try {
            Path dir = Files.createTempDirectory("restore-drill-ssh-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            dir.toFile().deleteOnExit(); // registered first: deleted last, once its files are gone
            for (String file : List.of(SOCKET, STDERR, PIPE_CLOSED)) {
                dir.resolve(file).toFile().deleteOnExit();
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The forwarded engine, as the docker CLI, compose and Testcontainers name it. */
    public URI localUri() {
        return URI.create("unix://" + socket);
    }

    private void awaitEngine(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String lastFailure = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!ssh.isAlive()) {
                throw new DockerUnavailableException(explain(target, ssh.exitValue(), readStderr()));
            }
            if (Files.exists(socket)) {
                lastFailure = DockerEngine.unreachableReason(localUri(), Duration.ofSeconds(5));
                if (lastFailure == null) {
                    return;
                }
                String err = readStderr();
                if (err.toLowerCase(Locale.ROOT).contains("open failed")) {
                    throw new DockerUnavailableException(explain(target, -1, err));
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DockerUnavailableException("interrupted while forwarding the drill host " + masked(target));
            }
        }
        throw new DockerUnavailableException("the ssh forward to the drill host " + masked(target) + " did not "
                + "answer within " + timeout.toSeconds() + " s (" + lastFailure + "; ssh said: '"
                + firstLine(readStderr()) + "'). Check that `ssh " + target.getHost() + " docker version` works.");
    }

    /** One line for an ssh forward that failed: what went wrong with the drill host and what to do. */
    static String explain(URI target, int exitCode, String error) {
        String where = "the drill host " + masked(target);
        String line = SecretMasker.of(List.of()).mask(firstLine(error));
        String lower = error.toLowerCase(Locale.ROOT);
        if (lower.contains("permission denied") || lower.contains("host key verification failed")
                || lower.contains("too many authentication failures")) {
            return "ssh refused this runner at " + where + " (" + line + "). The drill runs ssh with BatchMode=yes: "
                    + "load a key the host accepts into ssh-agent (or name it with IdentityFile in ~/.ssh/config), "
                    + "add the host to ~/.ssh/known_hosts (`ssh-keyscan`), and check that `ssh " + userAndHost(target)
                    + " true` works without a prompt.";
        }
        if (lower.contains("open failed") || lower.contains("no such file") || lower.contains("connect failed")) {
            return "ssh reached " + where + ", but its engine socket " + REMOTE_SOCKET + " cannot be opened ("
                    + line + "). Start dockerd there, and let the ssh user use the socket (root or the docker group).";
        }
        if (lower.contains("could not resolve") || lower.contains("connection refused") || lower.contains("timed out")
                || lower.contains("no route") || lower.contains("unreachable") || lower.contains("connection closed")) {
            return "ssh cannot reach " + where + " (" + line + "). Check the host name and port (ssh://USER@HOST:PORT), "
                    + "that sshd runs there and that no firewall drops the port.";
        }
        return "ssh to " + where + " ended (exit " + exitCode + "): " + (line.isBlank() ? "no output" : line)
                + ". Check that `ssh " + userAndHost(target) + " true` works without a prompt.";
    }

    @Override
    public void close() {
        try {
            ssh.getOutputStream().close(); // the shell ends ssh
            if (!ssh.waitFor(10, TimeUnit.SECONDS)) {
                ssh.descendants().forEach(ProcessHandle::destroyForcibly);
                ssh.destroyForcibly();
            }
        } catch (IOException e) {
            ssh.descendants().forEach(ProcessHandle::destroyForcibly);
            ssh.destroyForcibly();
        } catch (InterruptedException e) {
            ssh.descendants().forEach(ProcessHandle::destroyForcibly);
            ssh.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteQuietly(dir);
    }

    /** Whether ssh still runs (for tests and the evidence). */
    boolean alive() {
        return ssh.isAlive();
    }

    /** Whether {@code executable} (a path, or a name on PATH) can be run. */
    private static boolean installed(String executable) {
        if (executable.contains("/")) {
            return Files.isExecutable(Path.of(executable));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return java.util.Arrays.stream(path.split(":")).filter(d -> !d.isEmpty())
                .anyMatch(d -> Files.isExecutable(Path.of(d, executable)));
    }

    private String readStderr() {
        try {
            return Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Deletes the dir and its files; the shell's watcher may be deleting them at the same time. */
    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (NoSuchFileException alreadyGone) {
            // the watcher was first
        } catch (IOException e) {
            LOG.warn("could not remove {}: {}", dir, e.getMessage());
        }
    }

    private static String masked(URI target) {
        return SecretMasker.of(List.of()).mask(target.toString());
    }

    /** user@host without any password of the URL (ssh takes none on its command line). */
    private static String userAndHost(URI target) {
        return target.getUserInfo() == null ? target.getHost() : userOnly(target) + "@" + target.getHost();
    }

    private static String userOnly(URI target) {
        String info = target.getUserInfo();
        int colon = info.indexOf(':');
        return colon < 0 ? info : info.substring(0, colon);
    }

    private static String firstLine(String text) {
        return text.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
    }
}
