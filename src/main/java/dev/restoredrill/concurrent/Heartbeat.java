package dev.restoredrill.concurrent;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Tells, every so often, how long a step that has no bytes to count has been running: a stack's removal, whose
 * volumes the engine deletes file by file (a 5 GB set's restored MinIO volume of 323,404 files: 107 s), must not
 * look hung. The beats stop when it is closed; none comes after {@link #close()} returns.
 */
public final class Heartbeat implements AutoCloseable {

    private final ScheduledExecutorService ticker;

    private Heartbeat(ScheduledExecutorService ticker) {
        this.ticker = ticker;
    }

    /** Calls {@code beat} with the time so far every {@code every}, from one {@code every} on, until closed. */
    public static Heartbeat every(Duration every, String name, Consumer<Duration> beat) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(name));
        long started = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> beat.accept(Duration.ofNanos(System.nanoTime() - started)), every.toMillis(),
                every.toMillis(), TimeUnit.MILLISECONDS);
        return new Heartbeat(ticker);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS); // a beat under way ends before the step's own last line
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
