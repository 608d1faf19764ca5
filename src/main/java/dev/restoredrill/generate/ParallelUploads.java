package dev.restoredrill.generate;

import dev.restoredrill.concurrent.DaemonThreads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Puts objects into the source S3 store several at a time: one PUT at a time waits on the store's round trip
 * (about 4 ms on S3Proxy here, 0.7 MB/s of small events). At most {@code 2 × threads} objects are held at once,
 * so memory stays flat however many are put. The first failure stops the rest and is thrown by {@link #await()}.
 */
final class ParallelUploads implements AutoCloseable {
    private final ObjectStoreLoader store;
    private final ExecutorService threads;
    private final Semaphore inFlight;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final int permits;

    ParallelUploads(ObjectStoreLoader store, int threads) {
        this.store = store;
        this.permits = 2 * threads;
        this.inFlight = new Semaphore(permits);
        this.threads = Executors.newFixedThreadPool(threads, DaemonThreads.named("source-s3-put"));
    }

    /** Queues one PUT; blocks while {@code 2 × threads} are queued or running. */
    void put(String key, String contentType, byte[] bytes) {
        rethrow();
        inFlight.acquireUninterruptibly();
        threads.execute(() -> {
            try {
                if (failure.get() == null) {
                    store.put(key, contentType, bytes);
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                inFlight.release();
            }
        });
    }

    /** Waits until every queued PUT is done; throws the first failure. */
    void await() {
        try {
            inFlight.acquire(permits);
            inFlight.release(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerateException("Interrupted while putting objects into the source S3 store.", e);
        }
        rethrow();
    }

    private void rethrow() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
        try {
            threads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
