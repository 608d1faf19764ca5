package dev.restoredrill.generate;

import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One log line per phase: count, size, time and rate. */
public final class LoggingProgress implements ProgressListener {
    private static final Logger LOG = LoggerFactory.getLogger("dev.restoredrill.generate.progress");

    @Override
    public void phaseDone(String phase, long items, long bytes, Duration took) {
        double seconds = Math.max(took.toMillis(), 1) / 1000.0;
        String count = items > 0 ? String.format(Locale.ROOT, "%,d items, ", items) : "";
        LOG.info(String.format(Locale.ROOT, "%s: %s%s in %.1f s (%s/s)", phase, count, ByteSize.format(bytes), seconds,
                ByteSize.format((long) (bytes / seconds))));
    }

    @Override
    public void inProgress(String phase, long bytes, Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        LOG.info(String.format(Locale.ROOT, "%s so far, %.0f s (%s/s)", phase, seconds, ByteSize.format((long) (bytes / seconds))));
    }
}
