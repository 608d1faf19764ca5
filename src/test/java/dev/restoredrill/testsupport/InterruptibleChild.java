package dev.restoredrill.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Java main of the test classpath in a JVM of its own, to be stopped with Ctrl-C (SIGINT) as an operator would:
 * for the tests of what a drill leaves behind, and reports, when it is cut short.
 */
public final class InterruptibleChild implements AutoCloseable {

    private final Process process;
    private final BufferedReader lines;
    private final StringBuilder output = new StringBuilder();

    private InterruptibleChild(Process process) {
        this.process = process;
        this.lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code main} with {@code args}, without Ryuk (the child's own hooks must do the cleaning). */
    public static InterruptibleChild start(Class<?> main, String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // A job started in the background (nohup, `&`, some CI runners) inherits SIGINT ignored, and a JVM keeps an
        // ignored SIGINT ignored: the drill would never see the Ctrl-C. env --default-signal gives it back.
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT",
                ProcessHandle.current().info().command().orElse("java"), "-cp", classpath, main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TESTCONTAINERS_RYUK_DISABLED", "true");
        builder.environment().put("TESTCONTAINERS_CHECKS_DISABLE", "true");
        return new InterruptibleChild(builder.start());
    }

    /** The rest of the first line that starts with {@code prefix}, or null when the child's output ended first. */
    public String awaitLine(String prefix) throws IOException {
        String line;
        while ((line = lines.readLine()) != null) {
            output.append(line).append('\n');
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).strip();
            }
        }
        return null;
    }

    /** What the child printed so far (up to the line {@link #awaitLine} found). */
    public String output() {
        return output.toString();
    }

    /**
     * Sends SIGINT and waits up to {@code timeout} for the child to end; its further output is drained aside, so the
     * wait times the child's own end. Returns its exit code, or null when it still runs.
     */
    public Integer interrupt(Duration timeout) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
        CompletableFuture.runAsync(() -> {
            try {
                lines.transferTo(Writer.nullWriter());
            } catch (IOException ignored) {
                // the child's output closed with it
            }
        });
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    @Override
    public void close() {
        // Before the reader closes: closing waits for the drain, which ends only with the child.
        process.destroyForcibly();
        try {
            lines.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
