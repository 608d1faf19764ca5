package dev.restoredrill.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupScheduleTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 5, 25);

    @Test
    void thirtyNightsHaveFourWeekliesEndingAtAsOf() {
        BackupSchedule schedule = BackupSchedule.of(AS_OF, 30);

        assertThat(schedule.nights()).hasSize(30).startsWith(LocalDate.of(2026, 4, 26)).endsWith(AS_OF);
        assertThat(schedule.nights().stream().filter(schedule::isWeekly).toList())
                .containsExactly(LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 11), LocalDate.of(2026, 5, 18), AS_OF);
    }

    @Test
    void aFewNightsHaveOneWeeklyOnTheLastNight() {
        BackupSchedule schedule = BackupSchedule.of(AS_OF, 3);

        assertThat(schedule.nights().stream().filter(schedule::isWeekly).toList()).isEqualTo(List.of(AS_OF));
    }

    @Test
    void namesAreTheRunbooks() {
        assertThat(List.of(BackupNames.postgres(AS_OF), BackupNames.mongo(AS_OF), BackupNames.clickhouse(AS_OF), BackupNames.minio(AS_OF)))
                .containsExactly("pg_2026-05-25.sql.gz", "mongo_2026-05-25.gz", "clickhouse_2026-05-25.tar.gz", "minio_2026-05-25.tar.gz");
    }

    @Test
    void zeroDaysIsRefusedWithWhatToPass() {
        assertThatThrownBy(() -> BackupSchedule.of(AS_OF, 0)).isInstanceOf(GenerateException.class).hasMessageContaining("--days 1");
    }

    @Test
    void commandLineReadsEveryOptionAndExplainsMistakes() {
        DemoBackupsOptions options = DemoBackupsOptions.parse(List.of("--out", "/tmp/x", "--seed", "7", "--size", "1.5GB",
                "--days", "3", "--as-of", "2026-05-25"));

        assertThat(options).isEqualTo(new DemoBackupsOptions(java.nio.file.Path.of("/tmp/x"), 7, (long) (1.5 * (1L << 30)), 3, AS_OF, DatasetMix.DEMO));
        assertThatThrownBy(() -> DemoBackupsOptions.parse(List.of("--seed", "7"))).hasMessageContaining("Missing --out");
        assertThatThrownBy(() -> DemoBackupsOptions.parse(List.of("--out", "x", "--days", "many")))
                .hasMessageContaining("--days expects a whole number, found 'many'");
        assertThatThrownBy(() -> DemoBackupsOptions.parse(List.of("--out", "x", "--colour", "red"))).hasMessageContaining("Unknown option --colour");
    }
}
