package dev.restoredrill.backup.source;

import dev.restoredrill.backup.ScanProgress;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How off-host sources are read; from system properties by default.
 *
 * @param cacheRoot     where fetched files are kept ({@code -Ddrill.cache}, default {@code <work>/backup-cache})
 * @param snapshot      the restic snapshot to drill ({@code -Ddrill.snapshot=ID}), else the newest
 * @param s3Endpoint    an S3-compatible endpoint ({@code -Ddrill.s3.endpoint}); without it the SDK's own
 *                      AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_S3 / {@code aws.endpointUrl}, else AWS
 * @param s3PathStyle   {@code -Ddrill.s3.path-style}; unset: on exactly when a custom endpoint is set
 * @param resticProgram {@code -Ddrill.restic.program}, default {@code restic} on PATH
 * @param environment   added to restic's environment (the drill's own environment passes through anyway);
 *                      {@code -Ddrill.restic.password-file=PATH} becomes RESTIC_PASSWORD_FILE
 * @param progress      where fetch progress lines go
 */
public record SourceSettings(Path cacheRoot, Optional<String> snapshot, Optional<String> s3Endpoint,
        Optional<Boolean> s3PathStyle, String resticProgram, Map<String, String> environment, ScanProgress progress) {

    public static SourceSettings fromSystemProperties(Path workDir) {
        return new SourceSettings(
                Path.of(System.getProperty("drill.cache", workDir.resolve("backup-cache").toString())),
                property("drill.snapshot"), property("drill.s3.endpoint"),
                property("drill.s3.path-style").map(Boolean::parseBoolean),
                property("drill.restic.program").orElse("restic"),
                property("drill.restic.password-file").map(f -> Map.of("RESTIC_PASSWORD_FILE", f)).orElse(Map.of()),
                ScanProgress.logging());
    }

    private static Optional<String> property(String name) {
        return Optional.ofNullable(System.getProperty(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
