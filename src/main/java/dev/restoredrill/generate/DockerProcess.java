package dev.restoredrill.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the {@code docker} CLI with streams wired through: stdin copied in, stdout and stderr copied
 * out as they come, nothing held whole. Used for {@code docker exec -i} and {@code docker run}.
 */
final class DockerProcess {
    private DockerProcess() {
    }

    static int run(List<String> arguments, InputStream stdin, OutputStream stdout, OutputStream stderr) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).start();
            CompletableFuture<Void> out = pump(process.getInputStream(), stdout);
            CompletableFuture<Void> err = pump(process.getErrorStream(), stderr);
            IOException stdinFailure = null;
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    stdin.transferTo(in);
                }
            } catch (IOException e) {
                stdinFailure = e; // the command stopped reading, usually because it failed: its exit code says why
            }
            int exit = process.waitFor();
            out.join();
            err.join();
            if (exit == 0 && stdinFailure != null) {
                throw stdinFailure;
            }
            return exit;
        } catch (IOException e) {
            throw new GenerateException("Could not run 'docker " + arguments.get(0) + "': " + e.getMessage()
                    + ". The generator needs the docker CLI on the PATH and a running engine.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerateException("Interrupted while 'docker " + arguments.get(0) + "' ran.", e);
        }
    }

    /** Runs a short command and returns its stdout; a non-zero exit is an error carrying stderr. */
    static String output(List<String> arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = run(arguments, null, out, err);
        if (exit != 0) {
            throw new GenerateException("'docker " + String.join(" ", arguments) + "' exited with " + exit + ": "
                    + err.toString(StandardCharsets.UTF_8).trim());
        }
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    /** A thread of its own per stream: the common pool may have a single worker on a 2-core machine. */
    private static CompletableFuture<Void> pump(InputStream from, OutputStream to) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try (from) {
                if (to == null) {
                    from.transferTo(OutputStream.nullOutputStream());
                } else {
                    from.transferTo(to);
                }
                done.complete(null);
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e instanceof IOException io ? new UncheckedIOException(io) : e);
            }
        }, "docker-pump");
        thread.setDaemon(true);
        thread.start();
        return done;
    }
}
