package dev.restoredrill.restore;

import dev.restoredrill.concurrent.DaemonThreads;
import dev.restoredrill.stack.ServiceStack;
import dev.restoredrill.outcome.Failure;
import dev.restoredrill.outcome.FailureCategory;
import dev.restoredrill.stack.ServiceFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Restores all stores at the same time, each on its own: snapshots go into their fresh volumes, the stack starts,
 * and each logical dump loads as soon as its service is healthy. A store that fails (corrupt backup, failing SQL, a
 * service that will not start) fails alone, with the reason and its service's log tail; the others go on.
 *
 * <p>Each store's restore is timed; the measured RTO is the time from the start to "every restored service healthy
 * with its data".
 */
public final class ParallelRestore {

    private static final Logger LOG = LoggerFactory.getLogger(ParallelRestore.class);

    /** What the restores produced: one outcome per store, and the measured RTO. */
    public record Result(Map<String, RestoreOutcome> outcomes, Duration measuredRto) {
        /** Every store restored: only then is the measured RTO the platform's. */
        public boolean allRestored() {
            return outcomes.values().stream().allMatch(RestoreOutcome::restored);
        }
    }

    private final Duration healthTimeout;
    /** How many stores prepare or load at the same time (-Ddrill.parallel); fair, so they go in plan order. */
    private final Semaphore slots;

    public ParallelRestore(Duration healthTimeout) {
        this(healthTimeout, Integer.MAX_VALUE);
    }

    /** @param parallel how many stores restore at the same time; 1 restores them one after another */
    public ParallelRestore(Duration healthTimeout, int parallel) {
        this.healthTimeout = healthTimeout;
        this.slots = new Semaphore(parallel, true);
    }

    public Result run(ServiceStack stack, List<RestoreEngine> engines, List<String> alsoAwait) {
        long start = System.nanoTime();
        LOG.info("restoring {} stores, {}", engines.size(), slots.availablePermits() >= engines.size()
                ? "all at once" : slots.availablePermits() + " at a time (-Ddrill.parallel)");
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, engines.size()), DaemonThreads.named("restore"));
        try {
            Map<String, CompletableFuture<Prepared>> prepared = new LinkedHashMap<>();
            for (RestoreEngine engine : engines) {
                prepared.put(engine.store(), CompletableFuture.supplyAsync(() -> inSlot(() -> prepare(stack,
                        engine)), pool));
            }
            prepared.values().forEach(CompletableFuture::join);
            stack.start();
            List<CompletableFuture<RestoreOutcome>> loads = new ArrayList<>();
            for (RestoreEngine engine : engines) {
                Prepared done = prepared.get(engine.store()).join();
                loads.add(CompletableFuture.supplyAsync(() -> inSlot(() -> load(stack, engine, done, start)), pool));
            }
            Map<String, RestoreOutcome> outcomes = collect(engines, loads, start);
            for (String service : alsoAwait) {
                if (!Thread.currentThread().isInterrupted()) {
                    stack.awaitHealthy(service, healthTimeout);
                }
            }
            Duration rto = Duration.ofNanos(System.nanoTime() - start);
            LOG.info("restores done in {} s: {}", rto.toSeconds(), outcomes.values().stream()
                    .map(o -> o.store() + " " + o.status() + " (" + o.elapsed().toMillis() + " ms)").toList());
            return new Result(outcomes, rto);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Each store's outcome as it finishes. On an interrupt (Ctrl-C, a test's timeout) the restores still running
     * are stopped and fail as interrupted, and the interrupt is kept for the caller to see.
     */
    private static Map<String, RestoreOutcome> collect(List<RestoreEngine> engines,
                                                       List<CompletableFuture<RestoreOutcome>> loads, long start) {
        Map<String, RestoreOutcome> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < loads.size(); i++) {
            RestoreEngine engine = engines.get(i);
            try {
                RestoreOutcome outcome = loads.get(i).get();
                outcomes.put(outcome.store(), outcome);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                for (int j = i; j < loads.size(); j++) {
                    loads.get(j).cancel(true);
                    outcomes.put(engines.get(j).store(), RestoreOutcome.failed(engines.get(j).store(),
                            Duration.ofNanos(System.nanoTime() - start), FailureCategory.RESTORE_FAILURE.failure(
                                    engines.get(j).store() + ": the drill was interrupted during the restore"),
                            engines.get(j).logTail()));
                }
                return outcomes;
            } catch (ExecutionException e) {
                outcomes.put(engine.store(), RestoreOutcome.failed(engine.store(),
                        Duration.ofNanos(System.nanoTime() - start), FailureCategory.RESTORE_FAILURE.failure(
                                engine.store() + ": " + e.getCause()), engine.logTail()));
            }
        }
        return outcomes;
    }

    /** An engine's work before the services start (a volume's extraction), and how long it took. */
    private record Prepared(Throwable failure, Duration took) {
    }

    private static Prepared prepare(ServiceStack stack, RestoreEngine engine) {
        long started = System.nanoTime();
        Throwable failure = attempt(() -> engine.prepare(stack));
        return new Prepared(failure, Duration.ofNanos(System.nanoTime() - started));
    }

    private RestoreOutcome load(ServiceStack stack, RestoreEngine engine, Prepared prepared, long start) {
        String store = engine.store();
        if (prepared.failure() != null) {
            return failed(stack, engine, prepared.failure(), start);
        }
        try {
            stack.awaitHealthy(engine.service(), healthTimeout);
            LOG.info("{}: service {} healthy, loading", store, engine.service());
            long loadStart = System.nanoTime();
            List<String> notes = engine.load(stack);
            long now = System.nanoTime();
            Duration elapsed = Duration.ofNanos(now - start);
            Duration moving = prepared.took().plusNanos(now - loadStart);
            LOG.info("{}: restored in {} ms (data moved in {} ms; the rest is the stack's and service's start)",
                    store, elapsed.toMillis(), moving.toMillis());
            return RestoreOutcome.restored(store, elapsed, moving, notes, engine.logTail());
        } catch (Exception e) {
            return failed(stack, engine, e, start);
        }
    }

    private static RestoreOutcome failed(ServiceStack stack, RestoreEngine engine, Throwable cause, long start) {
        Failure failure = cause instanceof RestoreFailedException restoreFailed ? restoreFailed.failure()
                : FailureCategory.RESTORE_FAILURE.failure(engine.store() + ": "
                        + (cause.getMessage() == null ? cause.toString() : cause.getMessage()));
        String serviceLog = cause instanceof ServiceFailedException serviceFailed ? serviceFailed.logTail()
                : stack.logTail(engine.service(), 40);
        String log = (engine.logTail().isBlank() ? "" : engine.logTail() + "\n") + "--- " + engine.service()
                + " log (last lines) ---\n" + serviceLog;
        LOG.warn("{}: {}", engine.store(), failure.message());
        return RestoreOutcome.failed(engine.store(), Duration.ofNanos(System.nanoTime() - start), failure, log);
    }

    /** Runs one store's step once a slot is free; with one slot the stores go one after another. */
    private <T> T inSlot(Supplier<T> step) {
        slots.acquireUninterruptibly();
        try {
            return step.get();
        } finally {
            slots.release();
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static Throwable attempt(Step step) {
        try {
            step.run();
            return null;
        } catch (Exception e) {
            return e;
        }
    }
}
