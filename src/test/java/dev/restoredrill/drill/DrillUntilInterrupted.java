package dev.restoredrill.drill;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A drill that waits to be interrupted, for {@link InterruptedDrillReportIT}: registers the interruption report as
 * {@code RestoreDrill} does, then either restores its stores and waits ({@code after-restores}: prints
 * {@code DRILL-ID <id>}), or waits inside the restore phase, holding the run as a long restore does
 * ({@code during-restores}: prints {@code RESTORING}).
 *
 * <p>Usage: {@code DrillUntilInterrupted SCENARIO BACKUPS REPORTS WORKDIR after-restores|during-restores}.
 */
public final class DrillUntilInterrupted {

    /** Longer than the test waits: only the SIGINT ends it in time. */
    private static final Duration WAIT = Duration.ofMinutes(30);

    private DrillUntilInterrupted() {
    }

    public static void main(String[] args) throws Exception {
        DrillRun run = DrillRun.prepare(new DrillOptions(Path.of(args[0]), Optional.of(args[1]), "reference",
                Optional.of(Path.of(args[2])), false, Path.of(args[3])), Clock.systemUTC());
        InterruptedDrillReport.register(run, Path.of(args[3]).resolve("allure-results"));
        run.manifest();
        if (args[4].equals("during-restores")) {
            run.injectFaults((phase, subject) -> {
                if (phase == DrillPhase.RESTORE) {
                    System.out.println("RESTORING");
                    System.out.flush();
                    sleep();
                }
            });
            run.restores();
            return;
        }
        run.restores();
        System.out.println("DRILL-ID " + run.drillId());
        System.out.flush();
        sleep();
    }

    private static void sleep() {
        try {
            Thread.sleep(WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
