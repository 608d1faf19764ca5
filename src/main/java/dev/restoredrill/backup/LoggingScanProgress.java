package dev.restoredrill.backup;

import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default {@link ScanProgress}: a line per event, with sizes and rates. */
final class LoggingScanProgress implements ScanProgress {
    private static final Logger LOG = LoggerFactory.getLogger(BackupCatalog.class);

    @Override
    public void started(Target t) {
        LOG.info("{}: {} {} ({})", t.store(), t.phase(), t.fileName(), Sizes.bytes(t.sizeBytes()));
    }

    @Override
    public void advanced(Target t, long bytesRead, double megabytesPerSecond) {
        double percent = t.sizeBytes() == 0 ? 100 : 100.0 * bytesRead / t.sizeBytes();
        LOG.info("{}: {} {} of {} ({}%) at {}", t.store(), t.phase(), Sizes.bytes(bytesRead),
                Sizes.bytes(t.sizeBytes()), String.format(Locale.ROOT, "%.0f", percent),
                Sizes.rate(megabytesPerSecond));
    }

    @Override
    public void finished(Target t, long bytesRead, Duration elapsed, double megabytesPerSecond) {
        LOG.info("{}: {} done, {} in {} s ({})", t.store(), t.phase(), Sizes.bytes(bytesRead),
                String.format(Locale.ROOT, "%.1f", elapsed.toMillis() / 1000.0), Sizes.rate(megabytesPerSecond));
    }
}
