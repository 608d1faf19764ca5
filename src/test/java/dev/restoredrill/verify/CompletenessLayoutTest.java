package dev.restoredrill.verify;

import dev.restoredrill.store.StoreType;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restoredrill.backup.TarFacts;
import dev.restoredrill.backup.VolumeLayout;
import dev.restoredrill.scenario.CheckPlan;
import dev.restoredrill.scenario.ClickHouseCheck;
import dev.restoredrill.scenario.Expectation;
import dev.restoredrill.scenario.S3Check;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What completeness compares for each volume layout. */
class CompletenessLayoutTest {

    private static TarFacts facts(VolumeLayout layout, List<String> tables, List<TarFacts.ClickHouseTable> details,
            Map<String, Long> files, List<TarFacts.MinioBucket> buckets) {
        return new TarFacts(10, 8, 2, 0, 0, 0, 1_000, Map.of("data", 10L), files, tables, false, List.of(), 0,
                List.of(), List.of(), layout, List.of(), details, buckets);
    }

    @Test
    void atomicTablesAreComparedByTheRowsOfTheirActivePartsAndOthersMustAnswer() {
        List<CheckPlan> plans = Completeness.plansFor(StoreType.CLICKHOUSE, facts(VolumeLayout.CLICKHOUSE_ATOMIC,
                List.of("default.traces", "default.traces_view"),
                List.of(new TarFacts.ClickHouseTable("default", "traces", "u1", "ReplacingMergeTree", 9L, 2, 2, 1, true),
                        new TarFacts.ClickHouseTable("default", "traces_view", "u2", null, null, 0, 0, 0, true),
                        new TarFacts.ClickHouseTable("system", "query_log", "u3", "MergeTree", 100L, 1, 0, 0, false)),
                Map.of(), List.of()));

        assertThat(plans).hasSize(2);
        ClickHouseCheck traces = (ClickHouseCheck) plans.get(0);
        assertThat(traces.name()).isEqualTo("rows in default.traces");
        assertThat(traces.expectation()).isEqualTo(new Expectation.Compare(Expectation.Operator.EQUAL, 9));
        ClickHouseCheck view = (ClickHouseCheck) plans.get(1);
        assertThat(view.expectation()).isEqualTo(new Expectation.Compare(Expectation.Operator.AT_LEAST, 0));
    }

    @Test
    void xlBucketsAreComparedByObjectsAndAsAtLeastWhereAnXlMetaWasUnreadable() {
        List<CheckPlan> plans = Completeness.plansFor(StoreType.MINIO, facts(VolumeLayout.MINIO_XL, List.of(), List.of(),
                Map.of("data/langfuse", 9L, "data/.minio.sys", 5L),
                List.of(new TarFacts.MinioBucket("empty-bucket", 0, 0, 0, true),
                        new TarFacts.MinioBucket("langfuse", 4, 1, 1, false))));

        assertThat(plans).extracting(p -> ((S3Check) p).bucket(), p -> ((S3Check) p).expectation()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("empty-bucket",
                        new Expectation.Compare(Expectation.Operator.EQUAL, 0)),
                org.assertj.core.groups.Tuple.tuple("langfuse",
                        new Expectation.Compare(Expectation.Operator.AT_LEAST, 4)));
    }

    @Test
    void plainFilesBucketsAreStillComparedByFiles() {
        List<CheckPlan> plans = Completeness.plansFor(StoreType.MINIO, facts(VolumeLayout.PLAIN_FILES, List.of(), List.of(),
                Map.of("data/langfuse", 3L, "data/.minio.sys", 1L), List.of()));

        assertThat(plans).extracting(p -> ((S3Check) p).bucket(), p -> ((S3Check) p).expectation()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("langfuse", new Expectation.Compare(Expectation.Operator.EQUAL, 3)));
    }
}
