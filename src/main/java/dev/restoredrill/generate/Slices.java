package dev.restoredrill.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Splits a range of item numbers into contiguous slices and loads them at once, one session each: a single
 * session leaves the server idle while the next rows are made, and the generator has two cores to fill.
 */
final class Slices {
    private Slices() {
    }

    /** Loads items {@code [from, to)} of one slice in session {@code session}; returns what it sent. */
    interface Load<T> {
        T load(int session, long from, long to);
    }

    /** Runs {@code count} slices of {@code [from, to)} on {@code pool} and returns their results in order. */
    static <T> List<T> load(ExecutorService pool, long from, long to, int count, Load<T> load) {
        long size = to - from;
        List<Future<T>> running = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int session = i;
            long start = from + size * i / count;
            long end = from + size * (i + 1) / count;
            running.add(pool.submit(() -> load.load(session, start, end)));
        }
        return awaitAll(running);
    }

    /** Waits for every load and returns their results in order; the first failure cancels the others and is thrown. */
    static <T> List<T> awaitAll(List<? extends Future<? extends T>> running) {
        List<T> results = new ArrayList<>();
        try {
            for (Future<? extends T> load : running) {
                results.add(load.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerateException("Interrupted while loading the source stack.", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new GenerateException(e.getCause().getMessage(), e.getCause());
        } finally {
            running.forEach(f -> f.cancel(true));
        }
    }
}
