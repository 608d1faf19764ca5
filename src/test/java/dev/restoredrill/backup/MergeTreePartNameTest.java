package dev.restoredrill.backup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Part names and coverage as ClickHouse's MergeTreePartInfo (.cpp tryParsePartName, .h contains) has them. */
class MergeTreePartNameTest {
    private static MergeTreePartName part(String name) {
        return MergeTreePartName.parse(name).orElseThrow();
    }

    @Test
    void parsesPartitionBlocksLevelAndMutation() {
        assertThat(part("202605_1_2_1")).isEqualTo(new MergeTreePartName("202605", 1, 2, 1, 0));
        assertThat(part("all_1_2_1_3")).isEqualTo(new MergeTreePartName("all", 1, 2, 1, 3));
        assertThat(MergeTreePartName.parse("detached")).isEmpty();
        assertThat(MergeTreePartName.parse("tmp_merge_202605_1_2_1")).isEmpty();
        assertThat(MergeTreePartName.parse("all_5_2_0")).isEmpty(); // min > max
        assertThat(MergeTreePartName.parse("format_version.txt")).isEmpty();
    }

    @Test
    void aMergeOrMutationCoversWhatItReplacedAndNothingElse() {
        assertThat(part("all_1_5_2").covers(part("all_1_4_1"))).isTrue();
        assertThat(part("all_0_5_2").covers(part("all_0_4_2"))).isFalse(); // equal level needs the same range
        assertThat(part("all_0_4_2_9").covers(part("all_0_4_2"))).isTrue();
        assertThat(part("all_1_5_2").covers(part("all_6_6_0"))).isFalse();
        assertThat(part("202605_1_5_2").covers(part("202606_1_1_0"))).isFalse();
    }
}
