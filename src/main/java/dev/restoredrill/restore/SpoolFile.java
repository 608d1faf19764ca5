package dev.restoredrill.restore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file on the drill runner that one thread writes and another reads at the same time, the reader waiting for
 * bytes not yet written: it lets the dump's reader run ahead of a slow consumer (one psql session) so the next
 * section can start in a session of its own, with constant memory whatever the dump's size. The file is deleted
 * when the reader is closed.
 */
final class SpoolFile {

    private static final int BUFFER = 1 << 20;

    private final Path path;
    private final FileChannel channel;
    private long written;
    private boolean finished;
    private IOException failure;

    SpoolFile(Path directory) throws IOException {
        this.path = Files.createTempFile(directory, "section-", ".sql");
        this.channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** The writing end; closing it tells the reader that nothing more comes. */
    OutputStream writer() {
        return new OutputStream() {
            private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                while (length > 0) {
                    int n = Math.min(length, buffer.remaining());
                    buffer.put(bytes, offset, n);
                    offset += n;
                    length -= n;
                    if (!buffer.hasRemaining()) {
                        flush();
                    }
                }
            }

            @Override
            public void flush() throws IOException {
                buffer.flip();
                long position;
                synchronized (SpoolFile.this) {
                    position = written;
                }
                while (buffer.hasRemaining()) {
                    position += channel.write(buffer, position);
                }
                buffer.clear();
                publish(position, false);
            }

            @Override
            public void close() throws IOException {
                flush();
                synchronized (SpoolFile.this) {
                    publish(written, true);
                }
            }
        };
    }

    /** Makes the reader fail with this cause instead of waiting for more bytes (the source broke). */
    synchronized void fail(IOException cause) {
        failure = cause;
        notifyAll();
    }

    /**
     * Ends the file where it is, as if the writer had closed it: the reader gets what was written, then the end
     * (the restore stopped after another session failed; this section no longer matters).
     */
    synchronized void abandon() {
        finished = true;
        notifyAll();
    }

    /** Deletes the file, whether or not it was read. */
    void discard() throws IOException {
        channel.close();
        Files.deleteIfExists(path);
    }

    private synchronized void publish(long position, boolean done) {
        written = position;
        finished |= done;
        notifyAll();
    }

    /** The reading end: bytes as they are written, the end once the writer is closed. */
    InputStream reader() {
        return new InputStream() {
            private long position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                long available = awaitBytes(position);
                if (available <= 0) {
                    return -1;
                }
                int n = channel.read(ByteBuffer.wrap(bytes, offset, (int) Math.min(length, available)), position);
                position += n;
                return n;
            }

            @Override
            public void close() throws IOException {
                channel.close();
                Files.deleteIfExists(path);
            }
        };
    }

    /** Bytes readable from {@code position} on, waiting for the writer; 0 at the end. */
    private synchronized long awaitBytes(long position) throws IOException {
        while (true) {
            if (failure != null) {
                throw new IOException(failure.getMessage(), failure);
            }
            if (written > position || finished) {
                return written - position;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while waiting for the dump's next bytes");
            }
        }
    }
}
