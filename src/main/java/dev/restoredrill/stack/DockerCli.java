package dev.restoredrill.stack;

import dev.restoredrill.concurrent.DaemonThreads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the local {@code docker} CLI: the same client an operator uses, so streaming {@code docker exec -i}
 * behaves exactly like the runbook's {@code gunzip < f | docker compose exec -T postgres psql}. The CLI talks to
 * the drill's engine ({@link DrillHost}), which may be another machine: nothing here assumes a shared filesystem.
 */
public final class DockerCli {

    /** What a short command printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private DockerCli() {
    }

    /** Runs a short command whose output fits in memory (listings, inspect, version). */
    public static Result run(Duration timeout, String... args) {
        return run(timeout, Map.of(), List.of(args));
    }

    public static Result run(Duration timeout, Map<String, String> env, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = stream(timeout, env, args, null, out, err);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Like {@link #run} but fails with the command's stderr when it does not exit 0. */
    public static String require(Duration timeout, List<String> args) {
        return require(timeout, args.toArray(String[]::new));
    }

    /** Like {@link #run} but fails with the command's stderr when it does not exit 0. */
    public static String require(Duration timeout, String... args) {
        Result result = run(timeout, args);
        if (!result.ok()) {
            throw new IllegalStateException("`docker " + String.join(" ", args) + "` exited " + result.exitCode()
                    + ": " + result.stderr().strip());
        }
        return result.stdout();
    }

    /**
     * Runs {@code docker ARGS}, streaming stdin from {@code in} (may be null) and stdout/stderr into the given
     * sinks as they arrive, so nothing is held in memory whatever the size of the data.
     */
    public static int stream(Duration timeout, Map<String, String> env, List<String> args,
                             InputStream in, OutputStream out, OutputStream err) {
        List<String> command = new ArrayList<>(args.size() + 1);
        command.add("docker");
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        // The drill host of -Ddrill.docker-host for every docker and compose process; `env` may still name another.
        builder.environment().putAll(DrillHost.current().cliEnvironment());
        builder.environment().putAll(env);
        if (in == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        try {
            Process process = builder.start();
            CompletableFuture<Void> stdout = pump(process.getInputStream(), out);
            CompletableFuture<Void> stderr = pump(process.getErrorStream(), err);
            if (in != null) {
                feed(in, process);
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("`docker " + String.join(" ", args) + "` did not finish within "
                        + timeout.toSeconds() + " s and was stopped");
            }
            stdout.join();
            stderr.join();
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("could not run the docker CLI (is docker.io installed? `bash .ci/run` "
                    + "installs it): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running docker " + args.get(0), e);
        }
    }

    /**
     * Copies {@code in} to the process's stdin. A failure to write means the process ended early (psql stopped on
     * an error: its exit code and stderr say why); a failure to read is the input's own (a truncated gzip) and
     * is thrown, after stopping the process, so it is never mistaken for a clean end of input.
     */
    private static void feed(InputStream in, Process process) throws IOException {
        byte[] buffer = new byte[1 << 16];
        OutputStream stdin = process.getOutputStream();
        boolean accepting = true;
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (accepting) {
                    try {
                        stdin.write(buffer, 0, n);
                    } catch (IOException processEnded) {
                        accepting = false;
                    }
                }
            }
        } catch (IOException inputFailed) {
            process.destroyForcibly();
            throw new InputStreamFailedException(inputFailed);
        } finally {
            try {
                stdin.close();
            } catch (IOException alreadyClosed) {
                // the process is gone; nothing to flush
            }
        }
    }

    /** The data fed to a command could not be read; carries the reader's own exception. */
    public static final class InputStreamFailedException extends UncheckedIOException {
        InputStreamFailedException(IOException cause) {
            super("the input streamed to docker could not be read: " + cause.getMessage(), cause);
        }
    }

    /**
     * A thread of its own per stream: on a 2-core machine the common pool has one worker, and a stderr pump
     * queued behind the stdout pump would let a chatty command fill its stderr pipe and hang.
     */
    private static CompletableFuture<Void> pump(InputStream from, OutputStream to) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        DaemonThreads.start("docker-cli-pump", () -> {
            try (from) {
                from.transferTo(to == null ? OutputStream.nullOutputStream() : to);
                done.complete(null);
            } catch (IOException e) {
                done.completeExceptionally(new UncheckedIOException(e));
            }
        });
        return done;
    }
}
