package dev.restoredrill.drill;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DrillOptionsTest {

    @Test
    void withoutTheOptionEveryStoreRestoresAtOnce() {
        assertThat(DrillOptions.parallel("")).isEqualTo(DrillOptions.ALL_AT_ONCE);
    }

    @Test
    void oneMeansOneAfterAnother() {
        assertThat(DrillOptions.parallel("1")).isEqualTo(1);
        assertThat(DrillOptions.parallel("3")).isEqualTo(3);
    }

    @Test
    void aValueThatIsNotACountIsRefusedWithWhatIsExpected() {
        for (String bad : new String[] {"0", "-2", "two", "1.5"}) {
            assertThatThrownBy(() -> DrillOptions.parallel(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-Ddrill.parallel expects")
                    .hasMessageContaining("found '" + bad + "'");
        }
    }
}
