package dev.restoredrill.restore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * Splits a plain {@code pg_dumpall} stream, while it streams, into its globals (roles, tablespaces: everything
 * before the first database) and one section per database, at pg_dumpall's own {@code -- Database "NAME" dump}
 * lines (postgres src/bin/pg_dump/pg_dumpall.c, dumpDatabases). Each section is complete on its own: it connects
 * to its database itself ({@code CREATE DATABASE … \connect NAME}, or {@code \connect template1}) and carries its
 * own restrict/unrestrict pair (Debian's dumps, CVE-2025-8714), so the sections can load in separate psql sessions
 * once the globals have. Lines inside COPY data are never taken for a section line. Memory: one buffer, whatever the dump's size.
 *
 * <p>Each database's section runs as one transaction: {@code BEGIN;} follows each of its {@code \connect} lines and
 * {@code COMMIT;} ends it (or precedes its next {@code \connect}). A table created and filled by COPY in the same
 * transaction, and the indexes built on it, then write no WAL on a server at {@code wal_level=minimal} (PostgreSQL
 * docs, "Populating a Database": Disable WAL Archival and Streaming Replication), and a section cut short leaves
 * nothing half-loaded. Everything pg_dump writes after {@code \connect} may run in a transaction block (pg_restore
 * --single-transaction relies on it); CREATE DATABASE comes before it.
 */
final class DumpallSections {

    /** Receives the sections in dump order: {@code database} is null for the globals, which always come first. */
    interface Sink {
        OutputStream section(String database) throws IOException;
    }

    /** The dump itself could not be read (a truncated or corrupt gzip), as opposed to a section's consumer failing. */
    static final class SourceFailedException extends IOException {
        SourceFailedException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static final byte[] MARKER = "-- Database \"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MARKER_END = "\" dump".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COPY = "COPY ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FROM_STDIN = "FROM stdin;".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END_OF_DATA = "\\.".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECT = "\\connect ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BEGIN = "BEGIN;\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMMIT = "COMMIT;\n".getBytes(StandardCharsets.US_ASCII);
    /** Longest line looked at whole (section and COPY lines); longer lines are data and pass through. */
    private static final int LOOKED_AT = 64 * 1024;

    private final byte[] buffer = new byte[1 << 20];
    private boolean inCopy;
    private boolean inDatabase;
    private boolean inTransaction;

    private DumpallSections() {
    }

    /**
     * Streams {@code dump} into the sink's sections; closes each section's stream when the next begins, the last one
     * at the end. Stops early, leaving the current section open, when {@code stop} turns true.
     *
     * @throws SourceFailedException when {@code dump} cannot be read to its end
     */
    static void split(InputStream dump, Sink sink, BooleanSupplier stop) throws IOException {
        new DumpallSections().run(dump, sink, stop);
    }

    private void run(InputStream dump, Sink sink, BooleanSupplier stop) throws IOException {
        OutputStream out = sink.section(null);
        int end = 0;
        boolean lineStart = true;
        boolean eof = false;
        while (!eof && !stop.getAsBoolean()) {
            int n;
            try {
                n = dump.read(buffer, end, buffer.length - end);
            } catch (IOException e) {
                throw new SourceFailedException(e);
            }
            if (n < 0) {
                eof = true;
            } else {
                end += n;
            }
            int pos = 0;
            int flushed = 0;
            while (pos < end) {
                if (!lineStart) {
                    int newline = indexOf(pos, end);
                    pos = newline < 0 ? end : newline + 1;
                    lineStart = newline >= 0;
                    continue;
                }
                int newline = indexOf(pos, Math.min(end, pos + LOOKED_AT));
                if (newline < 0) {
                    if (!eof && end - pos < LOOKED_AT) {
                        break; // the line continues in the next read: look at it whole then
                    }
                    lineStart = false;
                    continue;
                }
                String database = inCopy ? null : database(pos, newline);
                if (database != null) {
                    out.write(buffer, flushed, pos - flushed);
                    endTransaction(out);
                    out.close();
                    out = sink.section(database);
                    inDatabase = true;
                    flushed = pos;
                } else if (inDatabase && !inCopy && startsWith(pos, newline, CONNECT)) {
                    out.write(buffer, flushed, pos - flushed);
                    endTransaction(out);
                    out.write(buffer, pos, newline + 1 - pos);
                    out.write(BEGIN);
                    inTransaction = true;
                    flushed = newline + 1;
                } else {
                    trackCopy(pos, newline);
                }
                pos = newline + 1;
            }
            out.write(buffer, flushed, pos - flushed);
            System.arraycopy(buffer, pos, buffer, 0, end - pos);
            end -= pos;
        }
        if (!stop.getAsBoolean()) {
            out.write(buffer, 0, end);
            endTransaction(out);
            out.close();
        }
    }

    private void endTransaction(OutputStream out) throws IOException {
        if (inTransaction) {
            out.write(COMMIT);
            inTransaction = false;
        }
    }

    private int indexOf(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The database a {@code -- Database "NAME" dump} line begins, or null for any other line. */
    private String database(int from, int newline) {
        int to = newline > from && buffer[newline - 1] == '\r' ? newline - 1 : newline;
        if (!startsWith(from, to, MARKER) || !endsWith(from, to, MARKER_END)
                || to - from < MARKER.length + MARKER_END.length) {
            return null;
        }
        return new String(buffer, from + MARKER.length, to - from - MARKER.length - MARKER_END.length,
                StandardCharsets.UTF_8);
    }

    private void trackCopy(int from, int newline) {
        int to = newline > from && buffer[newline - 1] == '\r' ? newline - 1 : newline;
        if (inCopy) {
            inCopy = !(to - from == END_OF_DATA.length && startsWith(from, to, END_OF_DATA));
        } else {
            inCopy = startsWith(from, to, COPY) && endsWith(from, to, FROM_STDIN);
        }
    }

    private boolean startsWith(int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buffer[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean endsWith(int from, int to, byte[] suffix) {
        if (to - from < suffix.length) {
            return false;
        }
        for (int i = 0; i < suffix.length; i++) {
            if (buffer[to - suffix.length + i] != suffix[i]) {
                return false;
            }
        }
        return true;
    }
}
