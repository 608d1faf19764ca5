package dev.restoredrill.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class HeartbeatTest {

    @Test
    void beatsWithTheTimeSoFarWhileOpenAndNeverAfterItIsClosed() throws InterruptedException {
        List<Duration> beats = new CopyOnWriteArrayList<>();
        try (Heartbeat heartbeat = Heartbeat.every(Duration.ofMillis(20), "heartbeat-test", beats::add)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> beats.size() >= 3);
        }
        int atClose = beats.size();

        Thread.sleep(200); // ten more periods

        assertThat(beats).hasSize(atClose);
        assertThat(beats.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(20));
        assertThat(beats).isSorted();
    }
}
