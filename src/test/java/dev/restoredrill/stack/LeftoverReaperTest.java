package dev.restoredrill.stack;

import org.junit.jupiter.api.Test;

import java.util.function.LongPredicate;

import static org.assertj.core.api.Assertions.assertThat;

class LeftoverReaperTest {

    private static final LongPredicate ONLY_42_RUNS = pid -> pid == 42;

    @Test
    void aDrillOfThisRunnerWhosePidIsGoneWasKilledAndOneWhosePidRunsWasNot() {
        assertThat(LeftoverReaper.killed("7", "runner-a", "runner-a", ONLY_42_RUNS)).isTrue();
        assertThat(LeftoverReaper.killed("42", "runner-a", "runner-a", ONLY_42_RUNS)).isFalse();
    }

    @Test
    void anotherRunnersDrillOnASharedDrillHostIsLeftToItWhateverThePid() {
        // pid 7 is not running here, but it is runner-b's pid: only runner-b can tell
        assertThat(LeftoverReaper.killed("7", "runner-b", "runner-a", ONLY_42_RUNS)).isFalse();
    }

    @Test
    void resourcesFromBeforeTheHostLabelAreJudgedByTheirPidAlone() {
        // docker's --format prints "<no value>" for a missing label; a label can also be empty
        assertThat(LeftoverReaper.killed("7", "<no value>", "runner-a", ONLY_42_RUNS)).isTrue();
        assertThat(LeftoverReaper.killed("7", "", "runner-a", ONLY_42_RUNS)).isTrue();
        assertThat(LeftoverReaper.killed("42", "", "runner-a", ONLY_42_RUNS)).isFalse();
        // and without a pid label, as before: nothing says it runs
        assertThat(LeftoverReaper.killed("<no value>", "<no value>", "runner-a", ONLY_42_RUNS)).isTrue();
    }
}
