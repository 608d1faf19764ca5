package dev.restoredrill.generate;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Keeps the first few KB of a stream (a tool's stderr, for an error message); drops the rest. */
final class BoundedCapture extends OutputStream {
    private static final int LIMIT = 8 * 1024;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
        if (kept.size() < LIMIT) {
            kept.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        kept.write(b, off, Math.min(len, LIMIT - kept.size()));
    }

    @Override
    public synchronized String toString() {
        return kept.toString(StandardCharsets.UTF_8).trim();
    }
}
