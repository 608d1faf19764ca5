package dev.restoredrill.drill;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A drill that restores its stores and then waits, for {@link InterruptedDrillReportIT}: registers the
 * interruption report as {@code RestoreDrill} does, prints its id once the restores are done, then waits for Ctrl-C.
 *
 * <p>Usage: {@code DrillUntilInterrupted SCENARIO BACKUPS REPORTS WORKDIR}.
 */
public final class DrillUntilInterrupted {

    private DrillUntilInterrupted() {
    }

    public static void main(String[] args) throws Exception {
        DrillRun run = DrillRun.prepare(new DrillOptions(Path.of(args[0]), Optional.of(args[1]), "reference",
                Optional.of(Path.of(args[2])), false, Path.of(args[3])), Clock.systemUTC());
        InterruptedDrillReport.register(run, Path.of(args[3]).resolve("allure-results"));
        run.manifest();
        run.restores();
        System.out.println("DRILL-ID " + run.drillId());
        System.out.flush();
        // Longer than the test waits: only the SIGINT ends it in time.
        Thread.sleep(Duration.ofMinutes(30).toMillis());
    }
}
