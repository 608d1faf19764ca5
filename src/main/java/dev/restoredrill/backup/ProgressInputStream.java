package dev.restoredrill.backup;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/** Counts the bytes read through it and tells a {@link ScanProgress} about every {@code interval}. */
public final class ProgressInputStream extends FilterInputStream {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

    private final ScanProgress progress;
    private final ScanProgress.Target target;
    private final long intervalNanos;
    private final long startNanos = System.nanoTime();
    private long lastReportNanos = startNanos;
    private long bytes;

    public ProgressInputStream(InputStream in, ScanProgress progress, ScanProgress.Target target, Duration interval) {
        super(in);
        this.progress = progress;
        this.target = target;
        this.intervalNanos = interval.toNanos();
        progress.started(target);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        advance(skipped);
        return skipped;
    }

    private void advance(long n) {
        bytes += n;
        long now = System.nanoTime();
        if (now - lastReportNanos >= intervalNanos) {
            lastReportNanos = now;
            progress.advanced(target, bytes, Sizes.megabytesPerSecond(bytes, now - startNanos));
        }
    }

    public long bytesRead() {
        return bytes;
    }

    /** Reports the end of the pass; call once. */
    public void finish() {
        long elapsed = System.nanoTime() - startNanos;
        progress.finished(target, bytes, Duration.ofNanos(elapsed), Sizes.megabytesPerSecond(bytes, elapsed));
    }
}
