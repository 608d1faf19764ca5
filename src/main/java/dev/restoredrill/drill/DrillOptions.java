package dev.restoredrill.drill;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A drill's options, from Maven system properties (see README "Configuration"):
 * {@code -Ddrill.scenario}, {@code -Ddrill.backups}, {@code -Ddrill.images}, {@code -Ddrill.reports},
 * {@code -Ddrill.preflight-only}.
 */
public record DrillOptions(Path scenario, Optional<Path> backups, String images, Path reports, boolean preflightOnly,
                           Path workDir) {

    public static DrillOptions fromSystemProperties() {
        String backups = System.getProperty("drill.backups", "").strip();
        String preflight = System.getProperty("drill.preflight-only");
        return new DrillOptions(
                Path.of(System.getProperty("drill.scenario", "drill-scenarios/quarterly.yml")),
                backups.isEmpty() ? Optional.empty() : Optional.of(Path.of(backups)),
                System.getProperty("drill.images", "auto"),
                Path.of(System.getProperty("drill.reports", "reports")),
                preflight != null && !preflight.equals("false"),
                Path.of(System.getProperty("drill.work", "target/drill")));
    }
}
