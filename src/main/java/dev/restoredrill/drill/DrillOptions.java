package dev.restoredrill.drill;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * A drill's options, from Maven system properties (see README "Configuration"):
 * {@code -Ddrill.scenario}, {@code -Ddrill.backups}, {@code -Ddrill.images}, {@code -Ddrill.reports},
 * {@code -Ddrill.preflight-only}, {@code -Ddrill.parallel}; {@code -Ddrill.backups} may also be
 * {@code s3://bucket/prefix} or {@code restic:<repository>} (see {@code dev.restoredrill.backup.source.SourceSettings}
 * for their options).
 *
 * @param parallel how many stores restore at the same time; {@link #PER_CPU} (the default) for as many as the drill
 *                 host's engine has CPUs, 1 for one after another as the runbook does them by hand
 */
public record DrillOptions(Path scenario, Optional<String> backups, String images, Optional<Path> reports,
                           boolean preflightOnly,
                           Path workDir, int parallel) {

    /**
     * As many at once as the drill host has CPUs: the restores are CPU-bound (gunzip, psql and its backends, the
     * stores' own inserts), and more at once than there are CPUs only makes them share. On 2 CPUs, the four restores
     * of a 908 MB set took 95 s all at once, 57 s two at a time and 76 s one after another.
     */
    public static final int PER_CPU = 0;

    public DrillOptions(Path scenario, Optional<String> backups, String images, Optional<Path> reports,
                        boolean preflightOnly, Path workDir) {
        this(scenario, backups, images, reports, preflightOnly, workDir, PER_CPU);
    }

    public static DrillOptions fromSystemProperties() {
        String backups = System.getProperty("drill.backups", "").strip();
        String reports = System.getProperty("drill.reports", "").strip();
        String preflight = System.getProperty("drill.preflight-only");
        return new DrillOptions(
                Path.of(System.getProperty("drill.scenario", "drill-scenarios/quarterly.yml")),
                backups.isEmpty() ? Optional.empty() : Optional.of(backups), // a directory, s3://..., restic:...
                System.getProperty("drill.images", "auto"),
                reports.isEmpty() ? Optional.empty() : Optional.of(Path.of(reports)),
                preflight != null && !preflight.equals("false"),
                Path.of(System.getProperty("drill.work", "target/drill")),
                parallel(System.getProperty("drill.parallel", "").strip()));
    }

    /**
     * How many stores may restore at the same time: {@link #parallel()}, or by default the drill host's CPUs
     * ({@code engineCpus}, asked only then; when the engine did not say, 0: no limit).
     */
    public int restoreSlots(IntSupplier engineCpus) {
        if (parallel != PER_CPU) {
            return parallel;
        }
        int cpus = engineCpus.getAsInt();
        return cpus > 0 ? cpus : Integer.MAX_VALUE;
    }

    static int parallel(String value) {
        if (value.isEmpty()) {
            return PER_CPU;
        }
        try {
            int parallel = Integer.parseInt(value);
            if (parallel >= 1) {
                return parallel;
            }
        } catch (NumberFormatException e) {
            // reported below, with what is expected
        }
        throw new IllegalArgumentException("-Ddrill.parallel expects how many stores restore at the same time, a"
                + " whole number of at least 1 (1: one after another), found '" + value + "'. Leave it out to"
                + " restore as many stores at once as the drill host has CPUs.");
    }
}
