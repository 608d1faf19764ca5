package dev.restoredrill.migrations;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AppliedMigrationsTest {

    private final MigrationRelease candidate = PinnedMigrations.project().load("3.120.0");

    @Test
    void cleanClickHouseStartListsWhatWasApplied() {
        AppliedMigrations applied = AppliedMigrations.clickhouse(
                Optional.of(new RecordedMigrations.ClickHouseState(26, false, 52)),
                Optional.of(new RecordedMigrations.ClickHouseState(30, false, 60)), candidate, "candidate");
        assertThat(applied.problem()).isEmpty();
        assertThat(applied.applied()).containsExactly("0027_drop_project_environments_mvs",
                "0028_drop_traces_null_mvs", "0029_drop_traces_null_and_amt_tables",
                "0030_add_eval_execution_trace_id_to_scores");
        assertThat(AppliedMigrations.clickhouse(Optional.of(new RecordedMigrations.ClickHouseState(30, false, 60)),
                Optional.of(new RecordedMigrations.ClickHouseState(30, false, 60)), candidate, "candidate").applied())
                .as("nothing pending, nothing applied").isEmpty();
    }

    @Test
    void aDirtyRowLeftByTheStartNamesTheMigration() {
        AppliedMigrations applied = AppliedMigrations.clickhouse(
                Optional.of(new RecordedMigrations.ClickHouseState(26, false, 52)),
                Optional.of(new RecordedMigrations.ClickHouseState(28, true, 57)), candidate, "img:1");
        assertThat(applied.applied()).containsExactly("0027_drop_project_environments_mvs");
        assertThat(applied.problem()).get().asString().contains("0028_drop_traces_null_mvs")
                .contains("dirty at version 28").contains("img:1");
    }

    @Test
    void anUnfinishedPrismaRowLeftByTheStartNamesTheMigration() {
        RecordedMigrations.PrismaHistory before = new RecordedMigrations.PrismaHistory("langfuse", List.of("a"), List.of());
        RecordedMigrations.PrismaHistory after = new RecordedMigrations.PrismaHistory("langfuse", List.of("a", "b"),
                List.of("c"));
        AppliedMigrations applied = AppliedMigrations.prisma("langfuse", Optional.of(before), Optional.of(after), "img");
        assertThat(applied.applied()).containsExactly("b");
        assertThat(applied.problem()).get().asString().contains("Prisma migration c").contains("without finished_at");
    }
}
