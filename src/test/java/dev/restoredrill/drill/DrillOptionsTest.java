package dev.restoredrill.drill;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DrillOptionsTest {

    @Test
    void withoutTheOptionAsManyStoresRestoreAtOnceAsTheDrillHostHasCpus() {
        assertThat(DrillOptions.parallel("")).isEqualTo(DrillOptions.PER_CPU);
        assertThat(withParallel("").restoreSlots(() -> 2)).isEqualTo(2);
        assertThat(withParallel("").restoreSlots(() -> 16)).isEqualTo(16);
        assertThat(withParallel("").restoreSlots(() -> 1)).isEqualTo(1);
    }

    @Test
    void anEngineThatDidNotSayItsCpusLeavesTheDefaultWithoutALimit() {
        assertThat(withParallel("").restoreSlots(() -> 0)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void oneMeansOneAfterAnotherWhateverTheCpus() {
        assertThat(DrillOptions.parallel("1")).isEqualTo(1);
        assertThat(withParallel("1").restoreSlots(DrillOptionsTest::engineNotAsked)).isEqualTo(1);
        assertThat(withParallel("3").restoreSlots(DrillOptionsTest::engineNotAsked)).isEqualTo(3);
    }

    /** A chosen count needs no answer from the engine. */
    private static int engineNotAsked() {
        throw new AssertionError("the engine's CPUs were asked although -Ddrill.parallel chose");
    }

    private static DrillOptions withParallel(String value) {
        return new DrillOptions(Path.of("drill-scenarios/quarterly.yml"), Optional.empty(), "auto", Optional.empty(),
                false, Path.of("target/drill"), DrillOptions.parallel(value));
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
