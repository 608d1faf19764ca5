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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Restores all stores at the same time, each on its own: snapshots go into their fresh volumes, the stack starts,
 * and each logical dump loads as soon as its service is healthy; with more than one slot the logical restores'
 * services start first and load while the snapshots are extracted. A store that fails (corrupt backup, failing SQL, a
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
    /** How many stores prepare or load at the same time (-Ddrill.parallel). */
    private final Semaphore slots;
    private final int parallel;

    public ParallelRestore(Duration healthTimeout) {
        this(healthTimeout, Integer.MAX_VALUE);
    }

    /** @param parallel how many stores restore at the same time; 1 restores them one after another */
    public ParallelRestore(Duration healthTimeout, int parallel) {
        this.healthTimeout = healthTimeout;
        this.slots = new Semaphore(parallel);
        this.parallel = parallel;
    }

    public Result run(ServiceStack stack, List<RestoreEngine> engines, List<String> alsoAwait) {
        long start = System.nanoTime();
        LOG.info("restoring {} stores, {}", engines.size(), parallel >= engines.size()
                ? "all at once" : parallel + " at a time (-Ddrill.parallel)");
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, engines.size()), DaemonThreads.named("restore"));
        try {
            Set<String> ahead = startAhead(stack, engines);
            Map<String, CompletableFuture<Prepared>> prepared = new LinkedHashMap<>();
            Map<String, CompletableFuture<RestoreOutcome>> loads = new LinkedHashMap<>();
            for (RestoreEngine engine : aheadFirst(engines, ahead)) {
                if (ahead.contains(engine.service())) {
                    loads.put(engine.store(), inSlot(() -> load(stack, engine, NOTHING_PREPARED, start),
                            () -> interrupted(engine, start), pool));
                } else {
                    prepared.put(engine.store(), inSlot(() -> prepare(stack, engine),
                            () -> new Prepared(new InterruptedException("interrupted before the extraction"),
                                    Duration.ZERO), pool));
                }
            }
            prepared.values().forEach(CompletableFuture::join);
            stack.start();
            for (RestoreEngine engine : engines) {
                if (!ahead.contains(engine.service())) {
                    Prepared done = prepared.get(engine.store()).join();
                    loads.put(engine.store(), inSlot(() -> load(stack, engine, done, start),
                            () -> interrupted(engine, start), pool));
                }
            }
            Map<String, RestoreOutcome> outcomes = collect(engines, engines.stream().map(e -> loads.get(e.store()))
                    .toList(), start);
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
     * With more than one slot, the services of the logical restores start at once, so their dumps load while the
     * snapshots are extracted into their volumes (the stack starts those services when every extraction is done).
     * With one slot nothing starts ahead: the runbook's order, extractions, the stack's start, then the loads.
     */
    private Set<String> startAhead(ServiceStack stack, List<RestoreEngine> engines) {
        Set<String> waiting = engines.stream().filter(RestoreEngine::preparesBeforeStart).map(RestoreEngine::service)
                .collect(Collectors.toSet());
        List<String> logical = engines.stream().filter(engine -> !engine.preparesBeforeStart())
                .map(RestoreEngine::service).toList();
        if (parallel <= 1 || waiting.isEmpty() || logical.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(stack.startAhead(logical, waiting));
    }

    /**
     * The order in which the stores get a slot: the loads started ahead first, as a database's load is the slowest
     * per MB (MongoDB 7 MB/s and Postgres 6 MB/s here, against 12 to 28 MB/s for a tar's extraction), then the
     * extractions, each in the plan's order.
     */
    private static List<RestoreEngine> aheadFirst(List<RestoreEngine> engines, Set<String> ahead) {
        List<RestoreEngine> order = new ArrayList<>(engines.stream().filter(e -> ahead.contains(e.service())).toList());
        engines.stream().filter(e -> !ahead.contains(e.service())).forEach(order::add);
        return order;
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
                    outcomes.put(engines.get(j).store(), interrupted(engines.get(j), start));
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

    private static RestoreOutcome interrupted(RestoreEngine engine, long start) {
        return RestoreOutcome.failed(engine.store(), Duration.ofNanos(System.nanoTime() - start),
                FailureCategory.RESTORE_FAILURE.failure(engine.store() + ": the drill was interrupted during the "
                        + "restore"), engine.logTail());
    }

    /** An engine's work before the services start (a volume's extraction), and how long it took. */
    private record Prepared(Throwable failure, Duration took) {
    }

    private static final Prepared NOTHING_PREPARED = new Prepared(null, Duration.ZERO);

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

    /**
     * Runs one store's step on the pool once a slot is free, the slot taken here so that the steps get their slots in
     * the order this is called; with one slot the stores go one after another. Interrupted while it waits, the step
     * does not run and its result is {@code interrupted}'s (the interrupt is kept).
     */
    private <T> CompletableFuture<T> inSlot(Supplier<T> step, Supplier<T> interrupted, ExecutorService pool) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.completedFuture(interrupted.get());
        }
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return step.get();
                } finally {
                    slots.release();
                }
            }, pool);
        } catch (RuntimeException e) {
            slots.release(); // the pool refused the step
            throw e;
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
