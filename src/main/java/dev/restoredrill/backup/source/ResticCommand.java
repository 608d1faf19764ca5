package dev.restoredrill.backup.source;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code restic} program against one repository, read-only: every call carries
 * {@code --no-lock}, so the drill writes no lock file into the repository. The password reaches restic as
 * restic reads it (RESTIC_PASSWORD, RESTIC_PASSWORD_FILE, RESTIC_PASSWORD_COMMAND in the environment, passed
 * through); the drill never reads, logs or puts it on a command line.
 */
final class ResticCommand {
    private static final int STDERR_LIMIT = 8_192;

    private final String program;
    private final String repository;
    private final Map<String, String> environment;

    ResticCommand(String program, String repository, Map<String, String> environment) {
        this.program = program;
        this.repository = repository;
        this.environment = environment;
    }

    /** A finished call: exit code, stdout (small outputs only: JSON listings), stderr. */
    record Result(int exitCode, String stdout, String stderr) {}

    Result run(String... args) throws IOException {
        Process process = start(args);
        try (InputStream out = process.getInputStream()) {
            BoundedText errReader = stderrReader(process);
            byte[] stdout = out.readAllBytes();
            process.waitFor(5, TimeUnit.MINUTES);
            errReader.join(10_000);
            return new Result(process.exitValue(), new String(stdout, StandardCharsets.UTF_8),
                    errReader.text());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while restic ran", e);
        }
    }

    /** {@code restic dump}: the file's bytes as restic streams them; close() fails when restic did. */
    InputStream stream(String... args) throws IOException {
        Process process = start(args);
        BoundedText errReader = stderrReader(process);
        return new FilterInputStream(process.getInputStream()) {
            @Override
            public void close() throws IOException {
                super.close();
                try {
                    if (!process.waitFor(1, TimeUnit.MINUTES)) {
                        process.destroyForcibly();
                    }
                    errReader.join(10_000);
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
                if (process.isAlive() || process.exitValue() != 0) {
                    throw new IOException("restic dump failed" + (process.isAlive() ? "" : " (exit "
                            + process.exitValue() + ")") + ": " + lastLines(errReader.text()));
                }
            }
        };
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(program, "--no-lock", "-r", repository));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IOException("the restic program ('" + program + "') cannot be run (" + e.getMessage()
                    + "): install it (apt-get install restic) or name it with -Ddrill.restic.program=PATH.", e);
        }
    }

    private static BoundedText stderrReader(Process process) {
        BoundedText reader = new BoundedText(process.getErrorStream());
        reader.start();
        return reader;
    }

    static String lastLines(String stderr) {
        String trimmed = stderr.strip();
        String[] lines = trimmed.split("\n");
        return String.join(" | ", List.of(lines).subList(Math.max(0, lines.length - 3), lines.length));
    }

    /** Reads stderr to its end, keeping the first few kB (restic's errors are short). */
    private static final class BoundedText extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        BoundedText(InputStream in) {
            this.in = in;
            setDaemon(true);
        }

        @Override
        public void run() {
            byte[] buffer = new byte[4096];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    synchronized (kept) {
                        kept.write(buffer, 0, Math.max(0, Math.min(n, STDERR_LIMIT - kept.size())));
                    }
                }
            } catch (IOException ignored) {
                // the process ended; what was read is kept
            }
        }

        String text() {
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
