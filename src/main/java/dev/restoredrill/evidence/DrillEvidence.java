package dev.restoredrill.evidence;

import dev.restoredrill.outcome.Failure;
import dev.restoredrill.outcome.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
        Copy copy = new Copy(this);
        copy.crossStoreSkew = skew;
        skew.failure().ifPresent(copy::fail);
        return copy.judged().build();
    }

    /** Adds what the apps' start did; its failures are already among {@code failures}. */
    public DrillEvidence withPlatform(PlatformEvidence started) {
        Copy copy = new Copy(this);
        copy.platform = started;
        return copy.build();
    }

    public DrillEvidence withAudit(boolean preflight, String operator, String approver, String scenarioSha256,
            String harnessCommit) {
        Copy copy = new Copy(this);
        copy.preflight = preflight;
        copy.operator = operator;
        copy.approver = approver;
        copy.scenarioSha256 = scenarioSha256;
        copy.harnessCommit = harnessCommit;
        return copy.build();
    }

    /** Adds the RTO judgements; each missed one is a failure of its own and fails a drill that passed. */
    public DrillEvidence withRto(List<RtoOutcome> judged) {
        Copy copy = new Copy(this);
        copy.rto = judged;
        judged.forEach(r -> r.failure().ifPresent(copy::fail));
        return copy.judged().build();
    }

    public DrillEvidence withCorrectiveActions(List<TrackedFailure> tracked, List<CorrectiveAction> actions) {
        Copy copy = new Copy(this);
        copy.trackedFailures = tracked;
        copy.correctiveActions = actions;
        return copy.build();
    }

    /** Adds the isolation evidence; its problems are failures already (the assembler adds them). */
    public DrillEvidence withIsolation(IsolationEvidence evidence) {
        Copy copy = new Copy(this);
        copy.isolation = evidence;
        return copy.build();
    }

    /** Adds each data-moving phase's bytes, time and rate (they judge nothing: no failure, no verdict change). */
    public DrillEvidence withThroughput(List<PhaseThroughput> phases) {
        Copy copy = new Copy(this);
        copy.throughput = phases;
        return copy.build();
    }

    /**
     * The evidence with some parts replaced: what each {@code with} method changes, it sets here; the rest is
     * this record's. One place that lists every component, instead of one per {@code with} method.
     */
    private static final class Copy {
        private final String drillId;
        private final String scenario;
        private final String title;
        private final boolean demo;
        private String operator;
        private final String host;
        private final Instant start;
        private final Instant end;
        private Verdict verdict;
        private final JsonNode backupManifest;
        private final List<StoreOutcome> stores;
        private final Duration measuredRto;
        private final List<CheckOutcomeView> checks;
        private final List<JourneyStepView> journey;
        private final List<Failure> failures;
        private boolean preflight;
        private String approver;
        private String scenarioSha256;
        private String harnessCommit;
        private List<RtoOutcome> rto;
        private List<TrackedFailure> trackedFailures;
        private List<CorrectiveAction> correctiveActions;
        private IsolationEvidence isolation;
        private CrossStoreSkew crossStoreSkew;
        private PlatformEvidence platform;
        private List<PhaseThroughput> throughput;

        private Copy(DrillEvidence from) {
            drillId = from.drillId;
            scenario = from.scenario;
            title = from.title;
            demo = from.demo;
            operator = from.operator;
            host = from.host;
            start = from.start;
            end = from.end;
            verdict = from.verdict;
            backupManifest = from.backupManifest;
            stores = from.stores;
            measuredRto = from.measuredRto;
            checks = from.checks;
            journey = from.journey;
            failures = new ArrayList<>(from.failures);
            preflight = from.preflight;
            approver = from.approver;
            scenarioSha256 = from.scenarioSha256;
            harnessCommit = from.harnessCommit;
            rto = from.rto;
            trackedFailures = from.trackedFailures;
            correctiveActions = from.correctiveActions;
            isolation = from.isolation;
            crossStoreSkew = from.crossStoreSkew;
            platform = from.platform;
            throughput = from.throughput;
        }

        /** Adds a failure of its own, once. */
        private void fail(Failure failure) {
            if (!failures.contains(failure)) {
                failures.add(failure);
            }
        }

        /** A drill that passed fails once it holds any failure. */
        private Copy judged() {
            if (verdict == Verdict.PASS && !failures.isEmpty()) {
                verdict = Verdict.FAIL;
            }
            return this;
        }

        private DrillEvidence build() {
            return new DrillEvidence(drillId, scenario, title, demo, operator, host, start, end, verdict,
                    backupManifest, stores, measuredRto, checks, journey, failures, preflight, approver,
                    scenarioSha256, harnessCommit, rto, trackedFailures, correctiveActions, isolation, crossStoreSkew,
                    platform, throughput);
        }
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("Drill evidence needs " + field + "; it was null. Map it from the"
                    + " drill plan or run before writing the report.");
        }
    }
}
