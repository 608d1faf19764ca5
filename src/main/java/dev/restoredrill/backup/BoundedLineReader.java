package dev.restoredrill.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without ever holding a whole line: it keeps at most {@link #MAX_KEPT}
 * bytes of each (enough for any structural line of a dump) and only counts the rest. A COPY row of any
 * length therefore costs no memory, and no String is made unless asked for.
 */
final class BoundedLineReader {
    static final int MAX_KEPT = 8 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;

    private final byte[] kept = new byte[MAX_KEPT];
    private int keptLength;
    private long length;
    private long lineNumber;
    private long bytesRead;

    /** Receives every byte of the lines read while it is set, also beyond the kept part. */
    interface Sink {
        void bytes(byte[] buffer, int offset, int length, boolean newline);
    }

    private Sink sink;

    BoundedLineReader(InputStream in) {
        this.in = in;
    }

    /** Where the bytes of the following lines also go (null: nowhere). */
    void sendTo(Sink sink) {
        this.sink = sink;
    }

    /** Advances to the next line (the last one may lack its newline); false at the end of the stream. */
    boolean next() throws IOException {
        keptLength = 0;
        length = 0;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                if (eof || !fill()) {
                    if (any) {
                        lineNumber++;
                    }
                    return any;
                }
            }
            any = true;
            int start = pos;
            int i = start;
            byte[] buf = buffer;
            int end = limit;
            while (i < end && buf[i] != '\n') {
                i++;
            }
            int n = i - start;
            int room = Math.min(n, MAX_KEPT - keptLength);
            if (room > 0) {
                System.arraycopy(buf, start, kept, keptLength, room);
                keptLength += room;
            }
            length += n;
            if (sink != null) {
                sink.bytes(buf, start, n, i < end);
            }
            if (i < end) {
                pos = i + 1;
                lineNumber++;
                return true;
            }
            pos = end;
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        bytesRead += n;
        return true;
    }

    boolean is(byte[] exact) {
        return length == exact.length && Arrays.equals(kept, 0, keptLength, exact, 0, exact.length);
    }

    boolean startsWith(byte[] prefix) {
        return keptLength >= prefix.length && Arrays.equals(kept, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The kept part of the line (all of it unless {@link #truncated()}). */
    String text() {
        return new String(kept, 0, keptLength, StandardCharsets.UTF_8);
    }

    boolean truncated() {
        return length > keptLength;
    }

    /** The line's length in bytes, without its newline. */
    long length() {
        return length;
    }

    /** 1-based number of the current line. */
    long lineNumber() {
        return lineNumber;
    }

    long bytesRead() {
        return bytesRead;
    }
}
