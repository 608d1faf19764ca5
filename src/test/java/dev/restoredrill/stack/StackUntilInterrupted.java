package dev.restoredrill.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A drill stack that runs until its JVM is interrupted, for {@link InterruptedDrillIT}: prints its id once the
 * postgres service is healthy, then waits for Ctrl-C (SIGINT).
 */
public final class StackUntilInterrupted {

    private StackUntilInterrupted() {
    }

    public static void main(String[] args) throws Exception {
        DrillStack stack = DrillStack.create(new StackDefinition(
                List.of(Path.of("compose/platform.yml"), Path.of("compose/drill.override.yml"),
                        Path.of("compose/reference.override.yml")),
                List.of("postgres"), Files.createTempDirectory("interrupted-drill"), Duration.ofMinutes(2)),
                DrillCredentials.generate(), Clock.systemUTC());
        stack.start();
        stack.awaitHealthy("postgres", Duration.ofMinutes(2));
        System.out.println("DRILL-ID " + stack.id().value());
        System.out.flush();
        // Longer than the test waits: only the SIGINT ends it in time.
        Thread.sleep(Duration.ofMinutes(30).toMillis());
    }
}
