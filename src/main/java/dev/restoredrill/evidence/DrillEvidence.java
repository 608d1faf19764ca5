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
 * @param title             the report's heading, as the scenario's {@code report.title} gives it
 * @param demo              the backups were generated, not the user's: such a drill is never evidence
 * @param backupManifest    the backup stage's manifest, kept as it was written (opaque here)
 * @param measuredRto       wall time from the start of the restores until the platform answered
 * @param failures          every failure with its category, in the order they were found
 * @param preflight         a pre-flight (catalog only): not a drill, written under {@code preflight/}
 * @param approver          who approved the drill when it ran ({@code -Ddrill.approver}); later approvals are
 *                          appended to {@code approvals.txt}, never written here
 * @param scenarioSha256    sha256 of the scenario file as it was read: the scenario's version
 * @param harnessCommit     the git commit of the harness that ran the drill
 * @param rto               RTO target, measured and verdict per store, then for {@value RtoOutcome#WHOLE_DRILL}
 * @param trackedFailures   this drill's failures with their keys and tickets
 * @param correctiveActions the previous drill's failures: fixed or still failing
 * @param isolation         the drill stack's isolation and the egress probe; null when the stack did not run
 * @param crossStoreSkew    how far apart the stores' backups are, and whether the scenario accepts it; null when
 *                          not measured
 * @param platform          the apps' start: migrations per app, the schema as restored vs after (null: no app started)
 * @param throughput        bytes, time and MB/s of each data-moving phase per store (catalog, restore, full reads)
 */
public record DrillEvidence(String drillId, String scenario, String title, boolean demo, String operator, String host,
        Instant start, Instant end, Verdict verdict, JsonNode backupManifest, List<StoreOutcome> stores,
        Duration measuredRto, List<CheckOutcomeView> checks, List<JourneyStepView> journey, List<Failure> failures,
        boolean preflight, String approver, String scenarioSha256, String harnessCommit, List<RtoOutcome> rto,
        List<TrackedFailure> trackedFailures, List<CorrectiveAction> correctiveActions, IsolationEvidence isolation,
        CrossStoreSkew crossStoreSkew, PlatformEvidence platform, List<PhaseThroughput> throughput) {

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
        rto = rto == null ? List.of() : List.copyOf(rto);
        trackedFailures = trackedFailures == null ? List.of() : List.copyOf(trackedFailures);
        correctiveActions = correctiveActions == null ? List.of() : List.copyOf(correctiveActions);
        throughput = throughput == null ? List.of() : List.copyOf(throughput);
    }

    /** A drill's evidence before the audit trail (approver, versions, RTO, tickets, corrective actions) is added. */
    public DrillEvidence(String drillId, String scenario, String title, boolean demo, String operator, String host,
            Instant start, Instant end, Verdict verdict, JsonNode backupManifest, List<StoreOutcome> stores,
            Duration measuredRto, List<CheckOutcomeView> checks, List<JourneyStepView> journey,
            List<Failure> failures) {
        this(drillId, scenario, title, demo, operator, host, start, end, verdict, backupManifest, stores, measuredRto,
                checks, journey, failures, false, null, null, null, null, null, null, null, null, null, null);
    }

    /** Adds the cross-store skew; a skew over the scenario's limit is a failure of its own and fails the drill. */
    public DrillEvidence withSkew(CrossStoreSkew skew) {
        List<Failure> all = new java.util.ArrayList<>(failures);
        skew.failure().filter(f -> !all.contains(f)).ifPresent(all::add);
        Verdict v = verdict == Verdict.PASS && !all.isEmpty() ? Verdict.FAIL : verdict;
        return new DrillEvidence(drillId, scenario, title, demo, operator, host, start, end, v, backupManifest, stores,
                measuredRto, checks, journey, all, preflight, approver, scenarioSha256, harnessCommit, rto,
                trackedFailures, correctiveActions, isolation, skew, platform, throughput);
    }

    /** Adds what the apps' start did; its failures are already among {@code failures}. */
    public DrillEvidence withPlatform(PlatformEvidence started) {
        return new DrillEvidence(drillId, scenario, title, demo, operator, host, start, end, verdict, backupManifest,
                stores, measuredRto, checks, journey, failures, preflight, approver, scenarioSha256, harnessCommit, rto,
                trackedFailures, correctiveActions, isolation, crossStoreSkew, started, throughput);
    }

    public DrillEvidence withAudit(boolean preflight, String operator, String approver, String scenarioSha256,
            String harnessCommit) {
        return new DrillEvidence(drillId, scenario, title, demo, operator, host, start, end, verdict, backupManifest, stores,
                measuredRto, checks, journey, failures, preflight, approver, scenarioSha256, harnessCommit, rto,
                trackedFailures, correctiveActions, isolation, crossStoreSkew, platform, throughput);
    }

    /** Adds the RTO judgements; each missed one is a failure of its own and fails a drill that passed. */
    public DrillEvidence withRto(List<RtoOutcome> judged) {
        List<Failure> all = new java.util.ArrayList<>(failures);
        judged.forEach(r -> r.failure().filter(f -> !all.contains(f)).ifPresent(all::add));
        Verdict v = verdict == Verdict.PASS && !all.isEmpty() ? Verdict.FAIL : verdict;
        return new DrillEvidence(drillId, scenario, title, demo, operator, host, start, end, v, backupManifest, stores,
                measuredRto, checks, journey, all, preflight, approver, scenarioSha256, harnessCommit, judged,
                trackedFailures, correctiveActions, isolation, crossStoreSkew, platform, throughput);
    }

    public DrillEvidence withCorrectiveActions(List<TrackedFailure> tracked, List<CorrectiveAction> actions) {
        return new DrillEvidence(drillId, scenario, title, demo, operator, host, start, end, verdict, backupManifest, stores,
                measuredRto, checks, journey, failures, preflight, approver, scenarioSha256, harnessCommit, rto,
                tracked, actions, isolation, crossStoreSkew, platform, throughput);
    }

    /** Adds the isolation evidence; its problems are failures already (the assembler adds them). */
    public DrillEvidence withIsolation(IsolationEvidence evidence) {
        return new DrillEvidence(drillId, scenario, title, demo, operator, host, start, end, verdict, backupManifest, stores,
                measuredRto, checks, journey, failures, preflight, approver, scenarioSha256, harnessCommit, rto,
                trackedFailures, correctiveActions, evidence, crossStoreSkew, platform, throughput);
    }

    /** Adds each data-moving phase's bytes, time and rate (they judge nothing: no failure, no verdict change). */
    public DrillEvidence withThroughput(List<PhaseThroughput> phases) {
        return new DrillEvidence(drillId, scenario, title, demo, operator, host, start, end, verdict, backupManifest, stores,
                measuredRto, checks, journey, failures, preflight, approver, scenarioSha256, harnessCommit, rto,
                trackedFailures, correctiveActions, isolation, crossStoreSkew, platform, phases);
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("Drill evidence needs " + field + "; it was null. Map it from the"
                    + " drill plan or run before writing the report.");
        }
    }
}
