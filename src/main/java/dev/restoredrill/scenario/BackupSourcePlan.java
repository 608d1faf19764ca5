package dev.restoredrill.scenario;

/**
 * Where the backups are read from: a directory laid out like the runbook's {@code /backups}
 * ({@code pg_2026-05-25.sql.gz}, {@code mongo_2026-05-25.gz}, ...).
 *
 * @param directory relative to the working directory unless absolute; {@code -Ddrill.backups} overrides it
 */
public record BackupSourcePlan(String directory) {

    public static final String DEFAULT_DIRECTORY = "./backups";
    /** The system property that overrides the scenario's directory, e.g. on a drill host. */
    public static final String OVERRIDE_PROPERTY = "drill.backups";

    public BackupSourcePlan {
        Plans.requireText(directory, "directory");
    }
}
