package dev.restoredrill.evidence;

/**
 * Allure's executor.json: who ran the drill, shown in the report's Executors widget and in trend labels.
 *
 * @param type       "ci" when the CI variable is set, else "local"
 * @param buildName  the drill id
 * @param reportName the scenario and quarter, e.g. "quarterly 2026-Q4"
 */
public record ExecutorInfo(String name, String type, String buildName, String reportName) {

    public static ExecutorInfo of(DrillEvidence evidence, String reportFolderName) {
        String type = System.getenv("CI") == null ? "local" : "ci";
        String report = (evidence.demo() ? "DEMO " : "") + evidence.scenario() + " " + reportFolderName;
        return new ExecutorInfo("restore-drill", type, evidence.drillId(), report);
    }
}
