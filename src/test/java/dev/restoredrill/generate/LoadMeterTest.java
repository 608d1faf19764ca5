package dev.restoredrill.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LoadMeterTest {
    @Test
    void aLongLoadSaysHowMuchEachStoreHasTakenSoFar() {
        List<String> lines = new CopyOnWriteArrayList<>();
        List<Long> totals = new CopyOnWriteArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void phaseDone(String phase, long items, long bytes, Duration took) {
            }

            @Override
            public void inProgress(String phase, long bytes, Duration elapsed) {
                lines.add(phase);
                totals.add(bytes);
            }
        };
        try (LoadMeter meter = new LoadMeter("loading up to 2026-12-02T02:00:00Z", listener, Duration.ofMillis(50))) {
            meter.add("postgres", 3 << 20);
            meter.add("mongodb", 1 << 20);
            meter.add("postgres", 1 << 20);
            await().atMost(Duration.ofSeconds(5)).until(() -> !lines.isEmpty());
        }
        assertThat(lines.get(0)).isEqualTo("loading up to 2026-12-02T02:00:00Z: mongodb " + ByteSize.format(1 << 20)
                + ", postgres " + ByteSize.format(4 << 20));
        assertThat(totals.get(0)).isEqualTo(5L << 20);
    }

    @Test
    void aStoreStillForTheStallTimeIsReportedOnceAndAFinishedOrMovingOneIsNot() throws InterruptedException {
        List<String> stalled = new CopyOnWriteArrayList<>();
        List<Duration> stillFor = new CopyOnWriteArrayList<>();
        Duration stall = Duration.ofSeconds(1); // far above a busy machine's scheduling hiccups
        try (LoadMeter meter = new LoadMeter("loading", ProgressListener.NONE, Duration.ofHours(1), stall, (store, still) -> {
            stalled.add(store);
            stillFor.add(still);
        })) {
            meter.started("postgres");
            meter.started("mongodb");
            meter.started("s3");
            meter.finished("s3");
            long until = System.nanoTime() + 2 * stall.toNanos();
            while (System.nanoTime() < until) { // mongodb keeps taking data; postgres takes none
                meter.add("mongodb", 1);
                Thread.sleep(20);
            }
            meter.finished("mongodb");
            await().atMost(Duration.ofSeconds(5)).until(() -> !stalled.isEmpty());
            Thread.sleep(stall.toMillis()); // long enough for a second report, which must not come
        }
        assertThat(stalled).containsExactly("postgres");
        assertThat(stillFor.get(0)).isGreaterThanOrEqualTo(stall);
    }
}
