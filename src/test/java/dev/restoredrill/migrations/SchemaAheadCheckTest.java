package dev.restoredrill.migrations;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaAheadCheckTest {

    private static final String IMAGE = "langfuse/langfuse:3.112.0";
    private final MigrationRelease release = PinnedMigrations.project().load("3.112.0");

    @Test
    void aClickHouseSchemaOneVersionAheadNamesBothVersionsAndTheWayOut() {
        StoreMigrations result = SchemaAheadCheck.clickhouse(Optional.of(
                new RecordedMigrations.ClickHouseState(27, false, 54)), release, IMAGE);
        assertThat(result.ok()).isFalse();
        assertThat(result.problem()).get().asString()
                .contains("records version 27")
                .contains("only up to version 26 (0026_add_trace_id_index)")
                .contains("no migration found for version 27")
                .contains("Restore into images at least as new as the backup");
    }

    @Test
    void theSameVersionIsFineAndAnOlderOneListsWhatIsPending() {
        assertThat(SchemaAheadCheck.clickhouse(Optional.of(new RecordedMigrations.ClickHouseState(26, false, 52)),
                release, IMAGE).ok()).isTrue();
        StoreMigrations older = SchemaAheadCheck.clickhouse(Optional.of(
                new RecordedMigrations.ClickHouseState(24, false, 48)), release, IMAGE);
        assertThat(older.ok()).isTrue();
        assertThat(older.pending()).containsExactly("0025_add_observations_metadata_indexes", "0026_add_trace_id_index");
    }

    @Test
    void aDirtyVersionIsNamed() {
        StoreMigrations dirty = SchemaAheadCheck.clickhouse(Optional.of(
                new RecordedMigrations.ClickHouseState(26, true, 51)), release, IMAGE);
        assertThat(dirty.problem()).get().asString().contains("Dirty database version 26")
                .contains("0026_add_trace_id_index");
    }

    @Test
    void prismaMigrationsTheImageDoesNotShipAreAhead() {
        List<String> applied = new java.util.ArrayList<>(release.prisma().stream().map(PrismaMigration::name).toList());
        applied.add("20251014161635_job_executions_add_execution_trace_id");
        StoreMigrations ahead = SchemaAheadCheck.prisma(Optional.of(
                new RecordedMigrations.PrismaHistory("langfuse", applied, List.of())), "langfuse", release, IMAGE);
        assertThat(ahead.problem()).get().asString()
                .contains("20251014161635_job_executions_add_execution_trace_id")
                .contains("20250825100104_job_executions_add_input_trace_timestamp")
                .contains(IMAGE);
    }

    @Test
    void aFailedPrismaRowIsPrismasP3009() {
        StoreMigrations failed = SchemaAheadCheck.prisma(Optional.of(new RecordedMigrations.PrismaHistory("langfuse",
                List.of("20230518191501_init"), List.of("20230518193415_add_observaionts_and_traces"))), "langfuse",
                release, IMAGE);
        assertThat(failed.problem()).get().asString().contains("P3009")
                .contains("20230518193415_add_observaionts_and_traces");
    }
}
