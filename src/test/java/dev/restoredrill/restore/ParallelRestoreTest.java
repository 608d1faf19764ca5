package dev.restoredrill.restore;

import dev.restoredrill.outcome.FailureCategory;
import dev.restoredrill.stack.DrillId;
import dev.restoredrill.stack.ServiceEndpoint;
import dev.restoredrill.stack.ServiceFailedException;
import dev.restoredrill.stack.ServiceStack;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The restore phase's logic without Docker: a plain stack, engines that succeed, fail, hang. */
class ParallelRestoreTest {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(5);

    @Test
    void oneStoreFailingLeavesTheOthersRestoredEachWithItsReason() {
        PlainStack stack = new PlainStack(Set.of());
        ParallelRestore.Result result = new ParallelRestore(HEALTH_TIMEOUT).run(stack, List.of(
                new Engine("postgres", () -> List.of("loaded")),
                new Engine("mongodb", () -> {
                    throw new RestoreFailedException(FailureCategory.CORRUPT_BACKUP, "mongo_x.gz fails its CRC");
                }),
                new Engine("minio", () -> {
                    throw new IllegalStateException("connection reset");
                })), List.of());

        Map<String, RestoreOutcome> outcomes = result.outcomes();
        assertThat(outcomes.get("postgres").restored()).isTrue();
        assertThat(outcomes.get("postgres").notes()).containsExactly("loaded");
        assertThat(outcomes.get("mongodb").failure().category()).isEqualTo(FailureCategory.CORRUPT_BACKUP);
        assertThat(outcomes.get("mongodb").failure().message()).isEqualTo("Corrupt backup: mongo_x.gz fails its CRC");
        assertThat(outcomes.get("minio").failure().category()).isEqualTo(FailureCategory.RESTORE_FAILURE);
        assertThat(outcomes.get("minio").failure().message()).contains("minio", "connection reset");
        assertThat(outcomes.get("minio").logTail()).contains("--- minio log (last lines) ---", "log of minio");
        assertThat(stack.started).isTrue();
    }

    @Test
    void aServiceThatNeverBecomesHealthyFailsOnlyItsStoreWithItsLog() {
        PlainStack stack = new PlainStack(Set.of("clickhouse"));
        ParallelRestore.Result result = new ParallelRestore(Duration.ofMillis(200)).run(stack, List.of(
                new Engine("clickhouse", () -> List.of("never reached")),
                new Engine("postgres", () -> List.of("loaded"))), List.of());

        RestoreOutcome clickhouse = result.outcomes().get("clickhouse");
        assertThat(clickhouse.restored()).isFalse();
        assertThat(clickhouse.failure().category()).isEqualTo(FailureCategory.RESTORE_FAILURE);
        assertThat(clickhouse.failure().message()).contains("not healthy within");
        assertThat(clickhouse.logTail()).contains("unhealthy log of clickhouse");
        assertThat(result.outcomes().get("postgres").restored()).isTrue();
    }

    @Test
    void aFailedPrepareFailsItsStoreBeforeItsLoadRuns() {
        Engine snapshot = new Engine("clickhouse", () -> List.of("loaded")) {
            @Override
            public void prepare(ServiceStack stack) throws Exception {
                throw new RestoreFailedException(FailureCategory.CORRUPT_BACKUP, "hostile entry ../../etc");
            }
        };
        ParallelRestore.Result result = new ParallelRestore(HEALTH_TIMEOUT).run(new PlainStack(Set.of()),
                List.of(snapshot, new Engine("minio", () -> List.of("ok"))), List.of());

        assertThat(result.outcomes().get("clickhouse").failure().message()).contains("hostile entry");
        assertThat(snapshot.loads).isZero();
        assertThat(result.outcomes().get("minio").restored()).isTrue();
    }

    /** A snapshot engine whose extraction waits (at most 2 s) for the given latch. */
    private static Engine snapshotWaitingFor(String store, CountDownLatch latch, List<String> events) {
        return new Engine(store, () -> List.of("started on its volume")) {
            @Override
            public boolean preparesBeforeStart() {
                return true;
            }

            @Override
            public void prepare(ServiceStack stack) throws Exception {
                events.add(store + " extracted" + (latch.await(2, TimeUnit.SECONDS) ? " after the load" : ""));
            }
        };
    }

    /** Restores a postgres dump and a clickhouse snapshot whose extraction waits (at most 2 s) for the load. */
    private static List<String> loadBesideExtraction(int slots, PlainStack stack) {
        CountDownLatch loaded = new CountDownLatch(1);
        List<String> events = new CopyOnWriteArrayList<>();
        ParallelRestore.Result result = new ParallelRestore(HEALTH_TIMEOUT, slots).run(stack, List.of(
                new Engine("postgres", () -> {
                    events.add("postgres loaded");
                    loaded.countDown();
                    return List.of("loaded");
                }), snapshotWaitingFor("clickhouse", loaded, events)), List.of());
        assertThat(result.allRestored()).as(result.toString()).isTrue();
        return events;
    }

    @Test
    void withTwoSlotsALogicalLoadRunsWhileASnapshotIsExtracted() {
        PlainStack stack = new PlainStack(Set.of());

        assertThat(loadBesideExtraction(2, stack)).containsExactly("postgres loaded",
                "clickhouse extracted after the load");
        assertThat(stack.startedAhead).containsExactly("postgres");
    }

    @Test
    void withOneSlotTheSnapshotsAreExtractedBeforeAnyServiceStarts() {
        PlainStack stack = new PlainStack(Set.of());

        assertThat(loadBesideExtraction(1, stack)).containsExactly("clickhouse extracted", "postgres loaded");
        assertThat(stack.startedAhead).isEmpty();
    }

    /** A postgres restore whose load counts the latch down, then hangs for a minute. */
    private static Engine hangingPostgres(CountDownLatch hanging) {
        return new Engine("postgres", () -> {
            hanging.countDown();
            Thread.sleep(60_000);
            return List.of();
        });
    }

    @Test
    void anInterruptStopsTheRestoresStillRunningAndIsKept() throws Exception {
        CountDownLatch hanging = new CountDownLatch(1);
        Engine stuck = hangingPostgres(hanging);
        AtomicReference<ParallelRestore.Result> result = new AtomicReference<>();
        AtomicReference<Boolean> interruptKept = new AtomicReference<>();
        Thread drill = new Thread(() -> {
            result.set(new ParallelRestore(HEALTH_TIMEOUT).run(new PlainStack(Set.of()),
                    List.of(new Engine("minio", () -> List.of("ok")), stuck), List.of("librechat")));
            interruptKept.set(Thread.currentThread().isInterrupted());
        });
        drill.start();
        assertThat(hanging.await(5, TimeUnit.SECONDS)).isTrue();
        drill.interrupt();
        drill.join(5_000);

        assertThat(drill.isAlive()).as("the restore phase returned after the interrupt").isFalse();
        assertThat(interruptKept.get()).isTrue();
        assertThat(result.get().outcomes().get("postgres").failure().message())
                .isEqualTo("Restore failure: postgres: the drill was interrupted during the restore");
    }

    @Test
    void anInterruptWhileAStoreWaitsForItsSlotEndsTheRestoresAtOnce() throws Exception {
        CountDownLatch hanging = new CountDownLatch(1);
        Engine stuck = hangingPostgres(hanging);
        Engine waiting = new Engine("mongodb", () -> List.of("loaded"));
        AtomicReference<ParallelRestore.Result> result = new AtomicReference<>();
        Thread drill = new Thread(() -> result.set(new ParallelRestore(HEALTH_TIMEOUT, 1).run(new PlainStack(Set.of()),
                List.of(stuck, waiting), List.of())));
        drill.start();
        assertThat(hanging.await(5, TimeUnit.SECONDS)).isTrue();
        drill.interrupt();
        drill.join(5_000);

        assertThat(drill.isAlive()).as("the restore phase returned after the interrupt").isFalse();
        assertThat(waiting.loads).as("the store that waited for its slot never loaded").isZero();
        assertThat(result.get().outcomes().values()).extracting(o -> o.failure().message()).containsExactly(
                "Restore failure: postgres: the drill was interrupted during the restore",
                "Restore failure: mongodb: the drill was interrupted during the restore");
    }

    /** A restore engine whose load runs the given body. */
    private static class Engine implements RestoreEngine {
        private final String store;
        private final Load body;
        int loads;

        Engine(String store, Load body) {
            this.store = store;
            this.body = body;
        }

        @Override
        public String store() {
            return store;
        }

        @Override
        public String service() {
            return store;
        }

        @Override
        public List<String> load(ServiceStack stack) throws Exception {
            loads++;
            return body.run();
        }
    }

    private interface Load {
        List<String> run() throws Exception;
    }

    /** A stack with no containers: every service is healthy at once except the ones named unhealthy. */
    private static final class PlainStack implements ServiceStack {
        private final Set<String> unhealthy;
        private final Set<String> awaited = ConcurrentHashMap.newKeySet();
        final List<String> startedAhead = new CopyOnWriteArrayList<>();
        volatile boolean started;

        PlainStack(Set<String> unhealthy) {
            this.unhealthy = unhealthy;
        }

        @Override
        public DrillId id() {
            return new DrillId("drill-20261201-abcdef");
        }

        @Override
        public String volumeName(String logicalName) {
            return id().value() + "_" + logicalName;
        }

        @Override
        public String prepareVolume(String logicalName) {
            return volumeName(logicalName);
        }

        @Override
        public void start() {
            started = true;
        }

        @Override
        public List<String> startAhead(List<String> services, Set<String> waiting) {
            services.stream().filter(service -> !waiting.contains(service)).forEach(startedAhead::add);
            return List.copyOf(startedAhead);
        }

        @Override
        public void awaitHealthy(String service, Duration timeout) {
            awaited.add(service);
            if (unhealthy.contains(service)) {
                throw new ServiceFailedException(service, "service '" + service + "' failed: it was not healthy "
                        + "within " + timeout.toMillis() + " ms", "unhealthy log of " + service);
            }
        }

        @Override
        public String logTail(String service, int lines) {
            return "log of " + service;
        }

        @Override
        public ServiceEndpoint endpoint(String service, int port) {
            return new ServiceEndpoint("localhost", port);
        }

        @Override
        public int exec(String service, List<String> command, InputStream stdin, OutputStream stdout,
                        OutputStream stderr, Duration timeout) {
            return 0;
        }
    }
}
