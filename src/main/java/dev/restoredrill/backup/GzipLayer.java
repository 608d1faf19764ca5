package dev.restoredrill.backup;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.function.LongSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** The gzip layer of a backup: decompresses, and says in plain words what is wrong with a bad stream. */
final class GzipLayer extends FailureRecordingInputStream {
    private static final int BUFFER = 1 << 16;

    private final LongSupplier compressedBytesRead;

    private long bytesOut;

    private GzipLayer(InputStream gzip, LongSupplier compressedBytesRead) {
        super(gzip);
        this.compressedBytesRead = compressedBytesRead;
    }

    /**
     * @param raw                 the file's bytes; must support mark/reset (to look at the magic bytes)
     * @param compressedBytesRead how far into the file reading is, for messages
     */
    static GzipLayer open(InputStream raw, LongSupplier compressedBytesRead) throws IOException {
        raw.mark(2);
        byte[] magic = raw.readNBytes(2);
        raw.reset();
        if (magic.length < 2 || (magic[0] & 0xff) != 0x1f || (magic[1] & 0xff) != 0x8b) {
            throw new BackupDefectException("not gzip: it starts with bytes '"
                    + HexFormat.ofDelimiter(" ").formatHex(magic) + "' where gzip starts with '1f 8b'."
                    + " Was it written without '| gzip', or is it another format?");
        }
        try {
            return new GzipLayer(new GZIPInputStream(raw, BUFFER), compressedBytesRead);
        } catch (EOFException e) {
            throw new BackupDefectException("truncated: the file ends inside its gzip header"
                    + " (after " + compressedBytesRead.getAsLong() + " bytes). The backup was cut off.", e);
        } catch (ZipException e) {
            throw new BackupDefectException("corrupt gzip header (" + e.getMessage() + ").", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            bytesOut++;
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            bytesOut += n;
        }
        return n;
    }

    /** Decompressed bytes handed out so far. */
    long bytesOut() {
        return bytesOut;
    }

    @Override
    protected IOException translate(IOException e) {
        if (e instanceof EOFException) {
            return new BackupDefectException("truncated: the gzip stream ends abruptly after "
                    + compressedBytesRead.getAsLong() + " compressed bytes, before the end of the compressed data."
                    + " The backup was cut off (job killed, disk full, partial copy); use an older backup.", e);
        }
        if (e instanceof ZipException) {
            return new BackupDefectException("corrupt gzip data near compressed byte "
                    + compressedBytesRead.getAsLong() + " (" + e.getMessage() + "): the file was damaged after"
                    + " it was written; use an older backup.", e);
        }
        return e;
    }
}
