package dev.restoredrill.restore;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An output sink that keeps only the last bytes written: a restore's log may be gigabytes (psql echoes), the
 * evidence needs its end.
 */
public final class LogTail extends OutputStream {

    private final byte[] ring;
    private long written;

    public LogTail(int capacity) {
        this.ring = new byte[capacity];
    }

    @Override
    public synchronized void write(int b) {
        ring[(int) (written++ % ring.length)] = (byte) b;
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = 0; i < length; i++) {
            write(bytes[offset + i]);
        }
    }

    /** Adds one line of the harness's own to the log. */
    public void appendLine(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        write(bytes, 0, bytes.length);
    }

    /** The kept text, starting at a line boundary when the log was longer than the buffer. */
    @Override
    public synchronized String toString() {
        int size = (int) Math.min(written, ring.length);
        byte[] copy = new byte[size];
        int start = (int) (written % ring.length);
        for (int i = 0; i < size; i++) {
            copy[i] = ring[(written > ring.length ? start + i : i) % ring.length];
        }
        String text = new String(copy, StandardCharsets.UTF_8);
        if (written > ring.length) {
            int firstLine = text.indexOf('\n');
            text = "…\n" + (firstLine < 0 ? text : text.substring(firstLine + 1));
        }
        return text;
    }
}
