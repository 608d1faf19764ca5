package dev.restoredrill.drill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The report of a drill stopped from outside (Ctrl-C, a cancelled CI job, SIGTERM as a host shuts down): a JVM
 * shutdown hook records the interruption as a drill error, interrupts the drill's thread so that the running phase
 * lets go of the run, and writes the report of what ran, so an auditor finds a red record instead of nothing. The
 * stack's own hook ({@link dev.restoredrill.stack.DrillStack}) removes the containers meanwhile.
 *
 * <p>Registered when the drill starts and {@linkplain #cancel() cancelled} before its normal report: a JVM runs its
 * hooks on a normal exit too, and only a drill cut short may be reported as one.
 */
public final class InterruptedDrillReport {

    /** How long the hook waits for the running phase to let go and the report to be written. */
    static final Duration WAIT = Duration.ofMinutes(2);

    private final Thread hook;

    private InterruptedDrillReport(Thread hook) {
        this.hook = hook;
    }

    /** Registers the hook for {@code run}, whose phases run on the calling thread. */
    public static InterruptedDrillReport register(DrillRun run, Path allureResults) {
        Thread drill = Thread.currentThread();
        Thread hook = new Thread(() -> report(run, drill, allureResults), "restore-drill-interrupted-report");
        Runtime.getRuntime().addShutdownHook(hook);
        return new InterruptedDrillReport(hook);
    }

    /** The drill reaches its own end: its report is written there. */
    public void cancel() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: it writes the report, and writeReport returns its folder
        }
    }

    private static void write(DrillRun run, Path allureResults) {
        try {
            // Cut short before its first test ended, a drill has no Allure results yet: its report has no tests.
            Files.createDirectories(allureResults);
            System.err.println("[restore-drill] interrupted; the report of what ran: "
                    + run.writeReport(allureResults).toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            System.err.println("[restore-drill] interrupted; the report could not be written: " + e.getMessage());
        }
    }

    private static void report(DrillRun run, Thread drill, Path allureResults) {
        if (run.reported()) {
            return;
        }
        run.interrupted("SIGINT from Ctrl-C, SIGTERM from a cancelled job or a host shutting down");
        drill.interrupt();
        Thread writer = new Thread(() -> write(run, allureResults), "restore-drill-interrupted-writer");
        writer.start();
        try {
            writer.join(WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            System.err.println("[restore-drill] interrupted; no report: the running phase did not let go within "
                    + WAIT.toSeconds() + " s. The drill log holds what ran.");
        }
    }
}
