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
}
