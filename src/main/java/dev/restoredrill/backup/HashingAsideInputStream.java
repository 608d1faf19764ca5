package dev.restoredrill.backup;

import dev.restoredrill.concurrent.DaemonThreads;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link java.security.DigestInputStream} whose digest runs on a thread of its own: the bytes are read in large
 * chunks and handed to the hashing thread while the reader's caller (gunzip and the format's reader) goes on, so a
 * scan takes about the longer of hashing and inflating instead of their sum. A few chunks are in flight at most:
 * memory is constant. {@link #digest()} waits for the hashing thread and returns the digest of every byte read.
 */
final class HashingAsideInputStream extends FilterInputStream {

    private static final int CHUNK = 1 << 20;
    private static final int CHUNKS = 4;

    /** A chunk is free again once both the hashing thread and the reader are done with it. */
    private static final class Chunk {
        final byte[] bytes = new byte[CHUNK];
        final AtomicInteger users = new AtomicInteger();
        int length;
    }

    private static final Chunk END = new Chunk();

    private final MessageDigest digest;
    private final BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(CHUNKS);
    private final BlockingQueue<Chunk> toHash = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final Thread hasher;
    private Chunk current;
    private int position;
    private boolean ended;
    private volatile RuntimeException hashFailure;

    HashingAsideInputStream(InputStream in, MessageDigest digest) {
        super(in);
        this.digest = digest;
        for (int i = 0; i < CHUNKS; i++) {
            free.add(new Chunk());
        }
        hasher = DaemonThreads.start("catalog-sha256", this::hashChunks);
    }

    private void hashChunks() {
        try {
            for (Chunk chunk = toHash.take(); chunk != END; chunk = toHash.take()) {
                digest.update(chunk.bytes, 0, chunk.length);
                release(chunk);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            hashFailure = e;
        }
    }

    private void release(Chunk chunk) {
        if (chunk.users.decrementAndGet() == 0) {
            free.add(chunk);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if ((current == null || position == current.length) && !next()) {
            return -1;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current.bytes, position, into, offset, n);
        position += n;
        return n;
    }

    /** Reads the next chunk and queues it for hashing; false at the end of the stream. */
    private boolean next() throws IOException {
        if (current != null) {
            release(current);
            current = null;
        }
        if (ended) {
            return false;
        }
        Chunk chunk;
        try {
            chunk = free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the sha256 thread");
        }
        int filled = in.readNBytes(chunk.bytes, 0, CHUNK);
        if (filled == 0) {
            free.add(chunk);
            ended = true;
            return false;
        }
        chunk.length = filled;
        chunk.users.set(2);
        toHash.add(chunk);
        current = chunk;
        position = 0;
        return true;
    }

    /** Skipped bytes are read and hashed all the same. */
    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.length - position;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Waits for the hashing thread to take in every byte read so far, then returns the digest. */
    byte[] digest() throws IOException {
        stopHashing();
        if (hashFailure != null) {
            throw hashFailure;
        }
        return digest.digest();
    }

    private void stopHashing() throws InterruptedIOException {
        if (!hasher.isAlive()) {
            return;
        }
        toHash.add(END);
        try {
            hasher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the sha256 thread");
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (hasher.isAlive()) {
                hasher.interrupt();
            }
        } finally {
            super.close();
        }
    }
}
