package dev.restoredrill.evidence;

import dev.restoredrill.outcome.Failure;
import dev.restoredrill.outcome.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one drill proved, as the auditors read it (evidence.json, summary.md). Field names and meaning: EVIDENCE.md.
 *
 * @param title          the report's heading, as the scenario's {@code report.title} gives it
 * @param demo           the backups were generated, not the user's: such a drill is never evidence
 * @param backupManifest the backup stage's manifest, kept as it was written (opaque here)
 * @param measuredRto    wall time from the start of the restores until the platform answered
 * @param failures       every failure with its category, in the order they were found
 */
public record DrillEvidence(String drillId, String scenario, String title, boolean demo, String operator, String host,
        Instant start, Instant end, Verdict verdict, JsonNode backupManifest, List<StoreOutcome> stores,
        Duration measuredRto, List<CheckOutcomeView> checks, List<JourneyStepView> journey, List<Failure> failures) {

    public DrillEvidence {
        require(drillId, "drill_id");
        require(scenario, "scenario");
        require(title, "title");
        require(start, "start");
        require(verdict, "verdict");
        stores = stores == null ? List.of() : List.copyOf(stores);
        checks = checks == null ? List.of() : List.copyOf(checks);
        journey = journey == null ? List.of() : List.copyOf(journey);
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("Drill evidence needs " + field + "; it was null. Map it from the"
                    + " drill plan or run before writing the report.");
        }
    }
}
