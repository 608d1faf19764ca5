package dev.restoredrill.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.restoredrill.concurrent.DaemonThreads;
import dev.restoredrill.stack.DockerCli;
import dev.restoredrill.stack.ReferenceImages;
import dev.restoredrill.stack.ServiceEndpoint;
import dev.restoredrill.testsupport.ReferenceStores;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;

/**
 * A source store that stops reading in the middle of a load (here a frozen container: {@code docker pause}) leaves
 * the generator's writer blocked on a full socket, where no read timeout reaches it. What the generator's stall watch
 * does then, the loaders' {@code abort()}, must end that load with an error. Without it each load below hangs (both
 * were run so: "the load still hangs 30 s after abort()").
 */
class StalledLoadIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String USER = "platform";
    private static final String PASSWORD = "stall-probe-password";

    @Test
    void abortEndsACopyBlockedOnAPostgresThatStoppedReading() throws Exception {
        try (GenericContainer<?> postgres = started(ReferenceImages.POSTGRES, 5432, "POSTGRES_USER", "POSTGRES_PASSWORD")) {
            ServiceEndpoint endpoint = ReferenceStores.endpoint(postgres, 5432);
            String url = "jdbc:postgresql://" + endpoint.host() + ":" + endpoint.port() + "/postgres";
            await("postgres answers").atMost(TIMEOUT).ignoreExceptions().until(() -> {
                try (var c = DriverManager.getConnection(url, USER, PASSWORD)) {
                    c.createStatement().execute("CREATE TABLE IF NOT EXISTS stall_probe (line text)");
                    return true;
                }
            });
            AtomicLong rows = new AtomicLong();
            String row = "x".repeat(200) + "\n";
            try (PostgresLoader loader = new PostgresLoader(endpoint, USER, PASSWORD)) {
                Throwable failure = failureOfAStalledLoad(postgres, rows, () -> loader.copy(
                        new CopyTable("postgres", "stall_probe", "line"), 0, Long.MAX_VALUE, i -> {
                            rows.incrementAndGet();
                            return row;
                        }), loader::abort);
                assertThat(failure).isInstanceOf(GenerateException.class).hasMessageContaining("COPY into postgres.stall_probe failed");
            }
        }
    }

    @Test
    void abortEndsAnInsertBlockedOnAClickHouseThatStoppedReading() throws Exception {
        try (GenericContainer<?> clickhouse = started(ReferenceImages.CLICKHOUSE, 8123, "CLICKHOUSE_USER", "CLICKHOUSE_PASSWORD")) {
            ServiceEndpoint endpoint = ReferenceStores.endpoint(clickhouse, 8123);
            ClickHouseHttp http = new ClickHouseHttp(() -> endpoint, USER, PASSWORD);
            await("clickhouse answers").atMost(TIMEOUT).ignoreExceptions()
                    .until(() -> http.execute("CREATE TABLE IF NOT EXISTS stall_probe (line String) ENGINE = Log") != null);
            AtomicLong rows = new AtomicLong();
            byte[] row = ("x".repeat(200) + "\n").getBytes(StandardCharsets.UTF_8);
            Throwable failure = failureOfAStalledLoad(clickhouse, rows, () -> {
                http.insertTabSeparated("stall_probe", out -> {
                    while (true) {
                        out.write(row);
                        rows.incrementAndGet();
                    }
                });
                return rows.get();
            }, http::abort);
            assertThat(failure).isInstanceOf(GenerateException.class).hasMessageContaining("stall_probe");
        }
    }

    /** Starts the load, freezes the store once rows flow, waits until the writer blocks, aborts; returns the load's failure. */
    private static Throwable failureOfAStalledLoad(GenericContainer<?> store, AtomicLong rows, Supplier<Long> load, Runnable abort)
            throws InterruptedException {
        CompletableFuture<Long> running = CompletableFuture.supplyAsync(load, work -> DaemonThreads.start("stall-probe-load", work));
        await("rows flow").atMost(TIMEOUT).until(() -> rows.get() > 10_000 || running.isDone());
        assertThat(running).as("the load runs until the store freezes").isNotDone();
        pause(store.getContainerId());
        try {
            awaitStill(rows);
            assertThat(running).as("the load waits on the frozen store").isNotDone();
            abort.run();
            running.get(30, TimeUnit.SECONDS);
            throw new AssertionError("the load ended without an error");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("the load still hangs 30 s after abort()", e);
        } finally {
            DockerCli.require(TIMEOUT, List.of("unpause", store.getContainerId()));
        }
    }

    /**
     * Freezes the store. The engine's cgroup freezer gives up ("unable to freeze") when a process stays in a disk
     * write past its wait, which a loaded host made happen once in CI; runc then thaws the container, and a later
     * try finds the writes between.
     */
    private static void pause(String container) {
        await("docker pause " + container).atMost(TIMEOUT).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptionsMatching(e -> String.valueOf(e.getMessage()).contains("unable to freeze"))
                .until(() -> {
                    DockerCli.require(TIMEOUT, List.of("pause", container));
                    return true;
                });
    }

    /** The writer has filled the sockets' buffers: no row is made for a few seconds. */
    private static void awaitStill(AtomicLong rows) {
        long[] seen = {-1};
        await("the writer blocks").atMost(TIMEOUT).pollInterval(Duration.ofSeconds(3)).until(() -> {
            long now = rows.get();
            boolean still = now == seen[0];
            seen[0] = now;
            return still;
        });
    }

    /** A store of the reference images with this test's user, started; removed again if its start fails. */
    private static GenericContainer<?> started(String image, int port, String userVariable, String passwordVariable) {
        GenericContainer<?> store = ReferenceStores.store(image, port, "StalledLoadIT")
                .withEnv(userVariable, USER).withEnv(passwordVariable, PASSWORD);
        try {
            store.start();
            return store;
        } catch (RuntimeException e) {
            store.stop();
            throw e;
        }
    }
}
