package dev.restoredrill.drill;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A drill's options, from Maven system properties (see README "Configuration"):
 * {@code -Ddrill.scenario}, {@code -Ddrill.backups}, {@code -Ddrill.images}, {@code -Ddrill.reports},
 * {@code -Ddrill.preflight-only}; {@code -Ddrill.backups} may also be {@code s3://bucket/prefix} or
 * {@code restic:<repository>} (see {@code dev.restoredrill.backup.source.SourceSettings} for their options).
 */
public record DrillOptions(Path scenario, Optional<String> backups, String images, Optional<Path> reports,
                           boolean preflightOnly,
                           Path workDir) {

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
                Path.of(System.getProperty("drill.work", "target/drill")));
    }
}
