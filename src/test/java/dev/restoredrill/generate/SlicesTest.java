package dev.restoredrill.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlicesTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void slicesCoverTheRangeOnceInOrder() {
        List<long[]> slices = Slices.load(pool, 10, 17, 3, (session, from, to) -> new long[] {session, from, to});

        assertThat(slices).extracting(s -> s[0]).containsExactly(0L, 1L, 2L);
        assertThat(slices.get(0)[1]).isEqualTo(10);
        for (int i = 1; i < slices.size(); i++) {
            assertThat(slices.get(i)[1]).isEqualTo(slices.get(i - 1)[2]);
        }
        assertThat(slices.get(2)[2]).isEqualTo(17);
        assertThat(Slices.load(pool, 5, 5, 2, (session, from, to) -> to - from)).containsExactly(0L, 0L);
    }

    @Test
    void aFailingSliceIsThrownAsItself() {
        assertThatThrownBy(() -> Slices.load(pool, 0, 100, 2, (session, from, to) -> {
            if (session == 1) {
                throw new GenerateException("COPY into litellm.\"LiteLLM_SpendLogs\" failed: disk full");
            }
            return to - from;
        })).isInstanceOf(GenerateException.class).hasMessageContaining("disk full");
    }
}
