package dev.restoredrill.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetMixTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 2);

    @Test
    void weightsAreSharesOfTheBudget() {
        DatasetMix mix = DatasetMix.parse("spend=51, conversations=23,traces=22,media=4");

        assertThat(mix.spendLogs()).isCloseTo(0.51, within(1e-9));
        assertThat(mix.conversations() + mix.spendLogs() + mix.traces() + mix.media()).isCloseTo(1.0, within(1e-9));
        assertThat(DatasetMix.parse("spend=1").conversations()).isZero();
    }

    @Test
    void aPostgresHeavyMixMakesMoreSpendLogsAndFewerConversationsForTheSameSize() {
        long size = 1L << 30;
        DatasetScale demo = new DatasetSpec(1, AS_OF, size).scale();
        DatasetScale heavy = new DatasetSpec(1, AS_OF, size, DatasetMix.parse("spend=51,conversations=23,traces=22,media=4")).scale();

        assertThat(heavy.spendLogs()).isGreaterThan(2 * demo.spendLogs());
        assertThat(heavy.conversations()).isLessThan(demo.conversations());
        assertThat(heavy.users()).isEqualTo(demo.users());
    }

    @Test
    void aBadMixSaysWhatIsExpected() {
        assertThatThrownBy(() -> DatasetMix.parse("postgres=2")).isInstanceOf(GenerateException.class)
                .hasMessageContaining("stream=weight pairs of [conversations, spend, traces, media]").hasMessageContaining("'postgres=2'");
        assertThatThrownBy(() -> DatasetMix.parse("spend=lots")).hasMessageContaining("weight of spend in --mix, found 'lots'");
        assertThatThrownBy(() -> DatasetMix.parse("spend=0")).hasMessageContaining("not all zero");
        assertThatThrownBy(() -> DatasetMix.parse("spend=-1,media=3")).hasMessageContaining("not negative");
        assertThat(DemoBackupsOptions.parse(List.of("--out", "x", "--mix", "media=1")).mix().media()).isEqualTo(1.0);
    }
}
