package dev.restoredrill.scenario;

import dev.restoredrill.backup.BackupPick;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the backups are read from: a directory laid out like the runbook's {@code /backups}
 * ({@code pg_2026-05-25.sql.gz}, {@code mongo_2026-05-25.gz}, ...), which night's set is restored, and how far
 * apart the stores' backups of that set may be.
 *
 * @param directory relative to the working directory unless absolute; {@code -Ddrill.backups} overrides it
 * @param pick      which night ({@code pick:}; {@code -Ddrill.pick}, {@code -Ddrill.pick-seed} override it)
 * @param maxSkew   the largest time between the stores' backups (file times, newest records) the drill accepts
 *                  ({@code max_skew:}); absent = shown, not judged
 */
public record BackupSourcePlan(String directory, BackupPick pick, Optional<Duration> maxSkew) {

    public static final String DEFAULT_DIRECTORY = "./backups";
    /** The system property that overrides the scenario's directory, e.g. on a drill host. */
    public static final String OVERRIDE_PROPERTY = "drill.backups";

    public BackupSourcePlan {
        Plans.requireText(directory, "directory");
        Plans.requireNonNull(pick, "pick");
        Plans.requireNonNull(maxSkew, "maxSkew");
    }

    /** Each store's newest backup, skew not judged. */
    public BackupSourcePlan(String directory) {
        this(directory, new BackupPick.Newest(), Optional.empty());
    }
}
