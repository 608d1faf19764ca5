package dev.restoredrill.restore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes a restore streams and logs a line with size and rate every few seconds, so a long restore
 * never looks hung.
 */
final class RestoreProgress extends FilterInputStream {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreProgress.class);
    private static final long INTERVAL_NANOS = 5_000_000_000L;

    private final String label;
    private final long started = System.nanoTime();
    private long bytes;
    private long lastReport = started;

    RestoreProgress(InputStream in, String label) {
        super(in);
        this.label = label;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(Math.max(n, 0));
        return n;
    }

    long bytes() {
        return bytes;
    }

    private void count(int n) {
        bytes += n;
        long now = System.nanoTime();
        if (now - lastReport >= INTERVAL_NANOS) {
            lastReport = now;
            LOG.info("{}: {} streamed ({})", label, megabytes(bytes), rate(now));
        }
    }

    String summary() {
        return megabytes(bytes) + " at " + rate(System.nanoTime());
    }

    private String rate(long now) {
        double seconds = Math.max((now - started) / 1e9, 1e-3);
        return String.format("%.1f MB/s", bytes / 1e6 / seconds);
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }
}
