package dev.restoredrill.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restoredrill.backup.RpoCheck;
import dev.restoredrill.backup.StoreResult;
import dev.restoredrill.evidence.CheckOutcomeView;
import dev.restoredrill.evidence.DrillEvidence;
import dev.restoredrill.evidence.JourneyStepView;
import dev.restoredrill.evidence.StoreOutcome;
import dev.restoredrill.evidence.Verdict;
import dev.restoredrill.restore.RestoreOutcome;
import dev.restoredrill.scenario.StorePlan;
import dev.restoredrill.verify.CheckOutcome;
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
        List<String> failures = new ArrayList<>();
        List<StoreOutcome> stores = new ArrayList<>();
        for (StorePlan store : run.plan().stores()) {
            StoreResult catalog = run.catalog(store.name());
            catalog.failures().forEach(f -> failures.add(store.name() + ": " + prefixed(f)));
            if (catalog.error() != null) {
                failures.add(store.name() + ": Corrupt backup: " + catalog.error());
            }
            Optional<RestoreOutcome> restore = run.restoresIfRun().map(r -> r.outcomes().get(store.name()));
            List<CheckOutcome> completeness = run.completenessOutcomes().getOrDefault(store.name(), List.of());
            List<String> differences = completeness.stream()
                    .filter(c -> c.verdict() != dev.restoredrill.verify.Verdict.PASS).map(CheckOutcome::message)
                    .toList();
            failures.addAll(differences);
            restore.filter(r -> !r.restored()).ifPresent(r -> failures.add(r.failure()));
            String verdict = restore.map(r -> r.restored() && differences.isEmpty() ? "PASS" : "FAIL")
                    .orElse("NOT RUN");
            stores.add(new StoreOutcome(store.name(), verdict,
                    restore.map(RestoreOutcome::elapsed).orElse(Duration.ZERO),
                    completeness.isEmpty() ? "not measured" : (completeness.size() - differences.size()) + " of "
                            + completeness.size() + " counts equal the backup",
                    differences, restore.map(RestoreOutcome::logTail).orElse("")));
        }
        run.stackFailure().ifPresent(e -> failures.add("Restore failed: the drill stack did not start: "
                + e.getMessage()));
        List<CheckOutcomeView> checks = run.checkOutcomes().values().stream().map(c -> {
            if (c.verdict() != dev.restoredrill.verify.Verdict.PASS) {
                failures.add("Check failure: " + c.name() + ": " + c.message());
            }
            return new CheckOutcomeView(c.name(), c.store(), c.severity().name().toLowerCase(),
                    c.verdict().name(), c.expected(), c.actual(), c.message());
        }).toList();
        List<JourneyStepView> journey = run.journeyIfRun().map(j -> j.steps().stream().map(s -> {
            if (s.verdict() == dev.restoredrill.verify.Verdict.FAIL
                    || s.verdict() == dev.restoredrill.verify.Verdict.ERROR) {
                failures.add("Journey failure: step " + s.number() + " " + s.name() + ": " + s.message());
            }
            return view(s);
        }).toList()).orElse(List.of());
        Verdict verdict = failures.isEmpty() ? Verdict.PASS : Verdict.FAIL;
        return new DrillEvidence(drillId, run.plan().name(), run.demo(), System.getProperty("user.name"), host(),
                run.start(), end, verdict, manifestJson(run),
                stores, run.restoresIfRun().map(r -> r.measuredRto()).orElse(Duration.ZERO), checks, journey,
                failures);
    }

    /** Catalog findings carry the category their kind belongs to (see the report's categories). */
    static String prefixed(String catalogFailure) {
        return (RpoCheck.isMiss(catalogFailure) ? "RPO breach: " : "Corrupt backup: ") + catalogFailure;
    }

    private static JourneyStepView view(JourneyStep step) {
        return new JourneyStepView(step.number(), step.name(), step.verdict().name(), step.message());
    }

    private static JsonNode manifestJson(DrillRun run) {
        try {
            return new ObjectMapper().readTree(run.manifest().toJson());
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
