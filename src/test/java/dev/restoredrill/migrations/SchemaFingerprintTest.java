package dev.restoredrill.migrations;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaFingerprintTest {

    private static SchemaFingerprint of(String... lines) {
        return new SchemaFingerprint(new TreeSet<>(Set.of(lines)));
    }

    private final SchemaFingerprint restored = of(
            "clickhouse table default.scores ReplacingMergeTree",
            "clickhouse column default.scores.id String",
            "clickhouse table default.traces_null Null",
            "clickhouse column default.traces_null.id String",
            "postgres/langfuse table public.organizations",
            "postgres/langfuse column public.organizations.name text not null");

    @Test
    void theDiffShowsWhatTheStartAddedAndRemoved() {
        SchemaFingerprint after = of(
                "clickhouse table default.scores ReplacingMergeTree",
                "clickhouse column default.scores.id String",
                "clickhouse column default.scores.execution_trace_id Nullable(String)",
                "postgres/langfuse table public.organizations",
                "postgres/langfuse column public.organizations.name text not null",
                "postgres/langfuse index public.cloud_spend_alerts_org_id_idx public.cloud_spend_alerts USING btree (org_id)");
        assertThat(restored.diff(after)).containsExactly(
                "+ clickhouse column default.scores.execution_trace_id Nullable(String)",
                "- clickhouse column default.traces_null.id String",
                "- clickhouse table default.traces_null Null",
                "+ postgres/langfuse index public.cloud_spend_alerts_org_id_idx public.cloud_spend_alerts USING btree (org_id)");
        assertThat(restored.droppedColumns(after)).as("a table dropped as a whole is not a dropped column").isEmpty();
        assertThat(restored.diff(restored)).isEmpty();
    }

    @Test
    void aColumnDroppedFromATableThatStaysIsNamed() {
        SchemaFingerprint after = of(
                "clickhouse table default.scores ReplacingMergeTree",
                "clickhouse column default.scores.id String",
                "clickhouse table default.traces_null Null",
                "clickhouse column default.traces_null.id String",
                "postgres/langfuse table public.organizations");
        assertThat(restored.droppedColumns(after)).containsExactly("postgres/langfuse public.organizations.name");
        SchemaFingerprint retyped = of(
                "clickhouse table default.scores ReplacingMergeTree",
                "clickhouse column default.scores.id LowCardinality(String)",
                "clickhouse table default.traces_null Null",
                "clickhouse column default.traces_null.id String",
                "postgres/langfuse table public.organizations",
                "postgres/langfuse column public.organizations.name text not null");
        assertThat(restored.droppedColumns(retyped)).as("a changed type is not a drop").isEmpty();
    }
}
