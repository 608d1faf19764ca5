package dev.restoredrill.mongoarchive;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the archive's frames (a BSON document or a 0xFFFFFFFF terminator) one at a time, keeping the
 * byte offset for error messages. Holds one document buffer at a time; never more than
 * {@link ArchiveFormat#MAX_BSON_SIZE}.
 */
final class FrameReader {

    /** A document's bytes, or a terminator when {@code document} is null. */
    record Frame(byte[] document, long offset) {
        boolean isTerminator() {
            return document == null;
        }
    }

    private final InputStream in;
    private final byte[] lengthBytes = new byte[4];
    private long offset;

    FrameReader(InputStream in) {
        this.in = in;
    }

    long offset() {
        return offset;
    }

    /** Reads up to 4 bytes for the magic number; returns how many were there. */
    int readMagic(byte[] into) throws MongoArchiveException {
        return read(into, 0, 4, "the magic number");
    }

    /**
     * The next frame, or null when the stream ends cleanly before its first byte.
     *
     * @param what what the caller expects here, for messages ("a document of namespace test.bar")
     */
    Frame next(String what) throws MongoArchiveException {
        long start = offset;
        int got = read(lengthBytes, 0, 4, what);
        if (got == 0) {
            return null;
        }
        if (got < 4) {
            throw truncated(start, what, 4 - got);
        }
        int length = (lengthBytes[0] & 0xFF) | (lengthBytes[1] & 0xFF) << 8
                | (lengthBytes[2] & 0xFF) << 16 | (lengthBytes[3] & 0xFF) << 24;
        if (length == ArchiveFormat.TERMINATOR) {
            return new Frame(null, start);
        }
        if (length < ArchiveFormat.MIN_BSON_SIZE || length > ArchiveFormat.MAX_BSON_SIZE) {
            throw new MongoArchiveException(String.format(
                    "Corrupt archive at byte offset %d: expected %s, found length %d, which is neither a BSON "
                            + "document (5 to %d bytes) nor a terminator. The file is damaged or not a mongodump archive.",
                    start, what, length, ArchiveFormat.MAX_BSON_SIZE));
        }
        byte[] document = new byte[length];
        System.arraycopy(lengthBytes, 0, document, 0, 4);
        int body = read(document, 4, length - 4, what);
        if (body < length - 4) {
            throw truncated(start, what, length - 4 - body);
        }
        if (document[length - 1] != 0) {
            throw new MongoArchiveException(String.format(
                    "Corrupt archive at byte offset %d: %s of %d bytes does not end with the BSON null byte.",
                    start, what, length));
        }
        return new Frame(document, start);
    }

    static MongoArchiveException truncated(long at, String what, int missing) {
        return new MongoArchiveException(String.format(
                "The archive is truncated: it ends inside %s that starts at byte offset %d (%d more bytes "
                        + "expected). Copy the complete backup file or take the dump again.", what, at, missing));
    }

    /** Reads until {@code length} bytes or the end of the stream; returns how many were read. */
    private int read(byte[] into, int from, int length, String what) throws MongoArchiveException {
        int total = 0;
        try {
            while (total < length) {
                int n = in.read(into, from + total, length - total);
                if (n < 0) {
                    break;
                }
                total += n;
                offset += n;
            }
        } catch (EOFException e) {
            // GZIPInputStream's way to say the compressed stream stopped early.
            throw new MongoArchiveException(String.format(
                    "The archive is truncated: its gzip stream ends at archive byte offset %d, inside %s (%s). "
                            + "Copy the complete backup file or take the dump again.", offset, what, e.getMessage()), e);
        } catch (IOException e) {
            throw new MongoArchiveException(String.format(
                    "Could not read the archive at byte offset %d, inside %s: %s", offset, what, e.getMessage()), e);
        }
        return total;
    }
}
