package dev.restoredrill.scenario;

import java.util.Optional;

/**
 * Where the drill's evidence goes.
 *
 * @param directory the evidence root; each drill writes under {@code <directory>/<YYYY>-Q<n>/}
 * @param title     the report's heading
 * @param notifyUrl an http(s) URL the drill POSTs a short JSON summary to when it ends (Slack-compatible
 *                  {@code text}); {@code -Ddrill.notify=URL} wins over it
 */
public record ReportPlan(String directory, String title, Optional<String> notifyUrl) {

    public static final String DEFAULT_DIRECTORY = "reports";

    public ReportPlan {
        Plans.requireText(directory, "directory");
        Plans.requireText(title, "title");
        Plans.requireNonNull(notifyUrl, "notifyUrl");
    }

    /** A report that notifies no one. */
    public ReportPlan(String directory, String title) {
        this(directory, title, Optional.empty());
    }

    /** The title used when the scenario gives none. */
    public static String defaultTitle(String scenarioName) {
        return "Restore drill: " + scenarioName;
    }
}
