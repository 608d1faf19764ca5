package dev.restoredrill.backup;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Remembers the first exception its layer threw. Readers above may wrap or rename an exception (a
 * truncated gzip stream looks like a truncated archive to the archive reader); asking each layer what it
 * saw gives the true cause: the file could not be read, or the gzip stream is bad.
 */
class FailureRecordingInputStream extends FilterInputStream {
    private IOException failure;

    FailureRecordingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw record(e);
        }
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        try {
            return super.read(buf, off, len);
        } catch (IOException e) {
            throw record(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            throw record(e);
        }
    }

    /** Translates a failure of this layer into what the user should read; records it. */
    protected IOException translate(IOException e) {
        return e;
    }

    private IOException record(IOException e) {
        IOException translated = translate(e);
        if (failure == null) {
            failure = translated;
        }
        return translated;
    }

    IOException failure() {
        return failure;
    }
}
