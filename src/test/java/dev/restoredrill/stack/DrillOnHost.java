package dev.restoredrill.stack;

import dev.restoredrill.drill.DrillOptions;
import dev.restoredrill.drill.DrillRun;
import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.restore.RestoreOutcome;
import dev.restoredrill.verify.CheckOutcome;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A drill in a JVM of its own, for {@link RemoteDrillHostIT}: the drill host comes from {@code -Ddrill.docker-host}
 * (as an operator gives it), so Testcontainers, compose and the CLI of this JVM meet it before anything else.
 * Args: scenario, backups directory, work directory. Prints one line per fact the test reads:
 * {@code DRILL-ID}, {@code RESTORED <store> <true|false> <failure>}, {@code COMPLETE <store> <verdict> <message>},
 * {@code BIND-MOUNTS <n> <list>}, {@code STACK-FAILURE <message>}, {@code CLOSED}.
 */
public final class DrillOnHost {

    private DrillOnHost() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[2]);
        try (DrillRun run = DrillRun.prepare(new DrillOptions(Path.of(args[0]), Optional.of(args[1]), "reference",
                Optional.of(work.resolve("reports")), false, work), Clock.systemUTC())) {
            Optional<dev.restoredrill.restore.ParallelRestore.Result> restores = run.restores();
            System.out.println("DRILL-ID " + run.drillId());
            run.stackFailure().ifPresent(e -> System.out.println("STACK-FAILURE " + e.getMessage()));
            if (restores.isPresent()) {
                for (var entry : restores.get().outcomes().entrySet()) {
                    RestoreOutcome outcome = entry.getValue();
                    System.out.println("RESTORED " + entry.getKey() + " " + outcome.restored() + " "
                            + outcome.failure());
                    for (CheckOutcome check : run.completeness(entry.getKey())) {
                        System.out.println("COMPLETE " + entry.getKey() + " " + check.verdict() + " "
                                + check.message());
                    }
                }
                List<String> mounts = run.bindMounts();
                System.out.println("BIND-MOUNTS " + mounts.size() + " " + mounts);
            }
            System.out.flush();
        }
        System.out.println("CLOSED " + Verdict.PASS);
        System.out.flush();
        System.exit(0);
    }

    /**
     * Runs a drill in the JVM {@code builder} starts (without Ryuk and Testcontainers' start-up checks, as the
     * drill runs), echoes and collects its output, and returns its exit code; at most 5 minutes.
     */
    static int run(ProcessBuilder builder, String prefix, List<String> output) throws IOException, InterruptedException {
        builder.redirectErrorStream(true);
        builder.environment().put("TESTCONTAINERS_RYUK_DISABLED", "true");
        builder.environment().put("TESTCONTAINERS_CHECKS_DISABLE", "true");
        Process drill = builder.start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(drill.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                System.out.println(prefix + line);
            }
        }
        if (!drill.waitFor(5, TimeUnit.MINUTES)) {
            drill.destroyForcibly();
            throw new AssertionError("the drill did not end within 5 minutes");
        }
        return drill.exitValue();
    }
}
