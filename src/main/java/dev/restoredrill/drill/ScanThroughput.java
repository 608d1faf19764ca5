package dev.restoredrill.drill;

import dev.restoredrill.backup.ScanProgress;
import dev.restoredrill.evidence.PhaseThroughput;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each finished pass over a backup file (the catalog's scan, the after-drill re-hash) as a
 * {@link PhaseThroughput} and logs it as one {@code throughput:} line; every event also goes to {@code progress}
 * as before. The stores are scanned on several threads at once.
 */
final class ScanThroughput implements ScanProgress {
    /** The catalog's name for its pass ({@code FileScanner}). */
    private static final String SCAN = "scan";

    private final ScanProgress progress;
    private final Map<String, PhaseThroughput> finished = new ConcurrentHashMap<>();

    ScanThroughput(ScanProgress progress) {
        this.progress = progress;
    }

    @Override
    public void started(Target target) {
        progress.started(target);
    }

    @Override
    public void advanced(Target target, long bytesRead, double megabytesPerSecond) {
        progress.advanced(target, bytesRead, megabytesPerSecond);
    }

    /** Also logs the drill's {@code throughput:} line (progress's own "scan done" line stays: bench/ greps it). */
    @Override
    public void finished(Target target, long bytesRead, Duration elapsed, double megabytesPerSecond) {
        progress.finished(target, bytesRead, elapsed, megabytesPerSecond);
        String phase = SCAN.equals(target.phase()) ? PhaseThroughput.CATALOG : target.phase();
        PhaseThroughput done = PhaseThroughput.completed(phase, target.store(), bytesRead, elapsed);
        finished.put(key(phase, target.store()), done);
        PhaseThroughputs.log(done);
    }

    /** The store's finished pass of this phase, or null when it did not finish (unreadable, or never started). */
    PhaseThroughput of(String phase, String store) {
        return finished.get(key(phase, store));
    }

    /** Every finished pass of this phase, in the stores' order. */
    List<PhaseThroughput> all(String phase, List<String> stores) {
        return stores.stream().map(store -> of(phase, store)).filter(t -> t != null).toList();
    }

    private static String key(String phase, String store) {
        return phase + "\n" + store;
    }
}
