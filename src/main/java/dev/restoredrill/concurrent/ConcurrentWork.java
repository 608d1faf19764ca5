package dev.restoredrill.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * Independent pieces of work on at most {@code slots} threads (daemons, so a stuck piece never keeps an
 * interrupted drill's JVM alive), waited for together. With one slot they run on the caller's thread, in order.
 */
public final class ConcurrentWork {

    private ConcurrentWork() {
    }

    /**
     * Runs every task and returns their results in the tasks' order. Every task runs to its end even when another
     * fails; then the first failure, in the tasks' order, is thrown. On an interrupt the tasks still running are
     * cancelled, the interrupt is kept, and the results so far come back ({@code null} for the unfinished).
     */
    public static <T> List<T> run(String name, int slots, List<Callable<T>> tasks) {
        if (slots <= 1 || tasks.size() <= 1) {
            return results(tasks.stream().map(task -> {
                FutureTask<T> done = new FutureTask<>(task);
                done.run();
                return (Future<T>) done;
            }).toList());
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(slots, tasks.size()), DaemonThreads.named(name));
        try {
            return results(tasks.stream().map(pool::submit).toList());
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> List<T> results(List<Future<T>> futures) {
        List<T> results = new ArrayList<>();
        RuntimeException first = null;
        for (Future<T> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                results.add(null);
                first = first != null ? first : unchecked(e.getCause());
            } catch (InterruptedException | CancellationException e) {
                Thread.currentThread().interrupt();
                futures.forEach(f -> f.cancel(true));
                while (results.size() < futures.size()) {
                    results.add(null);
                }
                return results;
            }
        }
        if (first != null) {
            throw first;
        }
        return results;
    }

    private static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
