package dev.restoredrill.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @Test
    void readsTheRunbooksSpellings() {
        assertThat(Durations.parse("24h")).isEqualTo(Duration.ofHours(24));
        assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Durations.parse("90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse(" 45s ")).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void writesTheShortestSpellingThatReadsBack() {
        assertThat(Durations.format(Duration.ofHours(26))).isEqualTo("26h");
        assertThat(Durations.format(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(Durations.parse(Durations.format(Duration.ofSeconds(93_784)))).isEqualTo(Duration.ofSeconds(93_784));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "24", "PT24H", "h", "-1h", "1.5h"})
    void rejectsOtherSpellings(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse(text))
                .withMessage("expected a duration like 24h, 7d, 90m, 45s or 1h30m");
    }
}
