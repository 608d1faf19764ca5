package dev.restoredrill.evidence;

import dev.restoredrill.outcome.Verdict;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One drill in the trend: per store the RPO achieved (the restored backup's age) and the RTO measured (its
 * restore time), and the drill's total RTO.
 */
public record TrendPoint(String drill, Instant start, Verdict verdict, boolean demo, List<StorePoint> stores,
        Duration totalRto) {

    /** @param rpoAge null when the backup's age is unknown; @param rto null when the store was not restored */
    public record StorePoint(String store, Duration rpoAge, Duration rto) {
    }

    public static TrendPoint of(String folder, DrillEvidence e) {
        List<BackupFacts> backups = BackupFacts.fromManifest(e.backupManifest());
        List<String> names = new ArrayList<>();
        e.stores().forEach(s -> names.add(s.store()));
        backups.stream().map(BackupFacts::store).filter(s -> !names.contains(s)).forEach(names::add);
        List<StorePoint> points = new ArrayList<>();
        for (String store : names) {
            Duration age = BackupFacts.forStore(backups, store).map(BackupFacts::age).orElse(null);
            Duration rto = e.stores().stream().filter(s -> s.store().equals(store)).findFirst()
                    .filter(s -> s.verdict() == Verdict.PASS || s.verdict() == Verdict.FAIL)
                    .map(StoreOutcome::restoreTime).filter(d -> d != null && !d.isZero()).orElse(null);
            points.add(new StorePoint(store, age, rto));
        }
        Duration total = e.measuredRto() == null || e.measuredRto().isZero() ? null : e.measuredRto();
        return new TrendPoint(folder, e.start(), e.verdict(), e.demo(), points, total);
    }

    /** The earlier drills, then this one. */
    public static List<TrendPoint> of(List<PastDrill> earlier, String currentFolder, DrillEvidence current) {
        List<TrendPoint> trend = new ArrayList<>();
        earlier.forEach(p -> trend.add(of(p.folder(), p.evidence())));
        trend.add(of(currentFolder, current));
        return trend;
    }
}
