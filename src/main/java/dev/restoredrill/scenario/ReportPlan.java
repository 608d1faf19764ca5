package dev.restoredrill.scenario;

/**
 * Where the drill's evidence goes.
 *
 * @param directory the evidence root; each drill writes under {@code <directory>/<YYYY>-Q<n>/}
 * @param title     the report's heading
 */
public record ReportPlan(String directory, String title) {

    public static final String DEFAULT_DIRECTORY = "reports";

    public ReportPlan {
        Plans.requireText(directory, "directory");
        Plans.requireText(title, "title");
    }

    /** The title used when the scenario gives none. */
    public static String defaultTitle(String scenarioName) {
        return "Restore drill: " + scenarioName;
    }
}
