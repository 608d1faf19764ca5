package dev.restoredrill.drill;

import dev.restoredrill.backup.BackupManifest;
import dev.restoredrill.backup.StoreResult;
import dev.restoredrill.evidence.CrossStoreSkew;
import dev.restoredrill.scenario.CheckPlan;
import dev.restoredrill.scenario.DrillPlan;
import dev.restoredrill.scenario.Expectation;
import dev.restoredrill.scenario.StorePlan;
import dev.restoredrill.verify.CheckOutcome;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each store's times for {@link CrossStoreSkew}: the chosen backup's file time from the manifest, and the newest
 * record the restored store holds where the scenario measures one (a check expecting "newest within … of the
 * backup date": its measured value is that store's newest timestamp; the latest of them when there are several).
 */
final class SkewMeasurement {

    private SkewMeasurement() {
    }

    /** The checks that measure a store's newest record. */
    static List<CheckPlan> newestRecordChecks(DrillPlan plan) {
        return plan.checks().stream().filter(c -> c.expectation() instanceof Expectation.FreshWithin).toList();
    }

    static CrossStoreSkew measure(DrillPlan plan, Optional<BackupManifest> manifest, Map<String, CheckOutcome> checks) {
        List<CrossStoreSkew.StoreTimes> times = new ArrayList<>();
        for (StorePlan store : plan.stores()) {
            StoreResult result = manifest.flatMap(m -> m.store(store.name())).orElse(null);
            boolean chosen = result != null && result.chosen() != null;
            Instant newest = null;
            String by = null;
            for (CheckPlan check : newestRecordChecks(plan)) {
                CheckOutcome outcome = checks.get(check.name());
                Instant measured = outcome == null || !check.store().equals(store.name()) ? null
                        : instant(outcome.actual());
                if (measured != null && (newest == null || measured.isAfter(newest))) {
                    newest = measured;
                    by = check.name();
                }
            }
            times.add(new CrossStoreSkew.StoreTimes(store.name(), chosen ? result.chosen().fileName() : null,
                    chosen ? result.backupInstant() : null, chosen && result.picked() != null ? result.picked().basis()
                    : chosen && result.rpoCheck() != null ? result.rpoCheck().basis() : null, newest, by));
        }
        return CrossStoreSkew.judge(times, plan.backups().maxSkew().orElse(null));
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null; // not a timestamp: nothing measured
        }
    }
}
