package dev.restoredrill.drill;

import dev.restoredrill.outcome.Failure;
import dev.restoredrill.outcome.FailureCategory;
import dev.restoredrill.outcome.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restoredrill.evidence.CheckOutcomeView;
import dev.restoredrill.evidence.CrossStoreSkew;
import dev.restoredrill.evidence.DrillEvidence;
import dev.restoredrill.evidence.JourneyStepView;
import dev.restoredrill.evidence.PlatformEvidence;
import dev.restoredrill.evidence.StoreOutcome;
import dev.restoredrill.restore.RestoreOutcome;
import dev.restoredrill.scenario.StorePlan;
import dev.restoredrill.verify.CheckOutcome;
import dev.restoredrill.verify.Completeness;
import dev.restoredrill.verify.JourneyStep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Maps a drill's outcomes onto the evidence model the report is written from. */
final class EvidenceAssembler {

    private EvidenceAssembler() {
    }

    static DrillEvidence assemble(DrillRun run, String drillId, Instant end) {
        List<Failure> failures = new ArrayList<>();
        List<StoreOutcome> stores = new ArrayList<>();
        for (StorePlan store : run.plan().stores()) {
            run.manifestIfScanned().flatMap(m -> m.store(store.name()))
                    .ifPresent(catalog -> failures.addAll(catalog.findings()));
            Optional<RestoreOutcome> restore = run.restoresIfRun().map(r -> r.outcomes().get(store.name()));
            List<CheckOutcome> completeness = run.completenessOutcomes().getOrDefault(store.name(), List.of());
            List<CheckOutcome> differences = completeness.stream().filter(c -> !c.verdict().passed()).toList();
            differences.forEach(c -> failures.add(Completeness.failure(c)));
            restore.filter(r -> !r.restored()).ifPresent(r -> failures.add(r.failure()));
            Verdict verdict = restore.map(r -> r.restored() && differences.isEmpty() && !run.drillErrorOn(store.name())
                    ? Verdict.PASS : Verdict.FAIL).orElse(Verdict.NOT_RUN);
            stores.add(new StoreOutcome(store.name(), verdict,
                    restore.map(RestoreOutcome::elapsed).orElse(Duration.ZERO),
                    completeness.isEmpty() ? "not measured" : (completeness.size() - differences.size()) + " of "
                            + completeness.size() + " counts equal the backup",
                    differences.stream().map(CheckOutcome::message).toList(),
                    restore.map(RestoreOutcome::logTail).orElse("")));
        }
        run.stackFailure().ifPresent(e -> failures.add(FailureCategory.RESTORE_FAILURE.failure(
                "the drill stack did not start: " + e.getMessage())));
        List<CheckOutcomeView> checks = run.checkOutcomes().values().stream().map(c -> {
            // NOT_SUPPORTED (the server cannot run an integrity probe) proves nothing but is no failure either
            if (c.verdict().failed()) {
                failures.add(FailureCategory.CHECK_FAILURE.failure(c.name() + ": " + c.message()));
            }
            return new CheckOutcomeView(c.name(), c.store(), c.severity().label(), c.verdict(), c.expected(),
                    c.actual(), c.message());
        }).toList();
        Optional<NegativeControlOutcome> control = run.negativeControlIfRun();
        if (control.isPresent()) {
            // listed with the checks: "detected by <check>", or NOT detected, which fails the drill
            control.get().failure().ifPresent(failures::add);
            checks = new ArrayList<>(checks);
            checks.add(new CheckOutcomeView(NegativeControlOutcome.NAME, control.get().store(), "blocker",
                    control.get().verdict(), "detected by the drill's checks", control.get().detectedBy()
                    .map(c -> "detected by " + c).orElse("NOT detected"), control.get().message()));
        }
        List<JourneyStepView> journey = run.journeyIfRun().map(j -> j.steps().stream().map(s -> {
            if (s.verdict().failed()) {
                failures.add(FailureCategory.JOURNEY_FAILURE.failure("step " + s.number() + " " + s.name() + ": "
                        + s.message()));
            }
            return view(s);
        }).toList()).orElse(List.of());
        run.isolationIfRun().ifPresent(iso -> failures.addAll(IsolationJudgement.failures(iso)));
        run.modelProofIfRun().filter(proof -> !proof.proven()).ifPresent(proof -> failures.add(
                FailureCategory.JOURNEY_FAILURE.failure("the answer did not come from the drill's own model service: "
                        + proof.message())));
        Optional<PlatformEvidence> platform = run.platformIfRun().map(p -> PlatformEvidenceAssembler.assemble(p,
                failures));
        failures.addAll(run.drillErrors());
        Verdict verdict = failures.isEmpty() ? Verdict.PASS : Verdict.FAIL;
        // The skew of what ran (the drill's consistency test measured the same, after the checks).
        CrossStoreSkew skew = SkewMeasurement.measure(run.plan(), run.manifestIfScanned(), run.checkOutcomes());
        DrillEvidence evidence = new DrillEvidence(drillId, run.plan().name(), run.plan().report().title(), run.demo(), System.getProperty("user.name"), host(),
                run.start(), end, verdict, manifestJson(run),
                stores, run.restoresIfRun().map(r -> r.measuredRto()).orElse(Duration.ZERO), checks, journey,
                failures).withIsolation(run.isolationIfRun().orElse(null)).withSkew(skew)
                .withThroughput(run.throughput());
        return platform.map(evidence::withPlatform).orElse(evidence);
    }

    private static JourneyStepView view(JourneyStep step) {
        return new JourneyStepView(step.number(), step.name(), step.verdict(), step.message());
    }

    private static JsonNode manifestJson(DrillRun run) {
        try {
            return run.manifestIfScanned().isEmpty() ? null
                    : new ObjectMapper().readTree(run.manifestIfScanned().get().toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
