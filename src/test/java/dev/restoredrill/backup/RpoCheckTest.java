package dev.restoredrill.backup;

import dev.restoredrill.store.StoreType;

import dev.restoredrill.outcome.Verdict;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RpoCheckTest {
    static final StoreBackupSpec POSTGRES = StoreType.POSTGRES.backupSpec();

    @TempDir
    Path backups;

    private StoreResult scanAt(String drillTime, String mtime) {
        Fixtures.touch(Fixtures.gzip(backups.resolve("pg_2026-05-25.sql.gz"), Fixtures.pgDumpall()), mtime);
        return BackupCatalog.scan(backups, List.of(POSTGRES), Fixtures.clockAt(drillTime), ScanProgress.silent())
                .stores().get(0);
    }

    @Test
    void backupWithinItsRpoPassesMeasuredFromItsMtime() {
        StoreResult result = scanAt("2026-05-26T01:00:00Z", "2026-05-25T02:00:00Z");

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.rpoCheck()).isEqualTo(new RpoCheck(java.time.LocalDate.parse("2026-05-25"),
                Instant.parse("2026-05-25T02:00:00Z"), "mtime", Duration.ofHours(23), true));
    }

    @Test
    void backupOlderThanItsRpoFailsWithTheNumbers() {
        StoreResult result = scanAt("2026-05-26T03:00:00Z", "2026-05-25T02:00:00Z");

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.rpoCheck().age()).isEqualTo(Duration.ofHours(25));
        assertThat(result.failures()).singleElement().asString()
                .isEqualTo("pg_2026-05-25.sql.gz: RPO missed: the backup is 25h00m old (from 2026-05-25T02:00:00Z,"
                        + " basis mtime) but the RPO is 24h00m; the backup job has not run or not succeeded since.");
    }

    @Test
    void mtimeOffTheNamedDateFallsBackToStartOfThatDate() {
        // copied later (rsync without -t): the mtime says nothing about when the dump was taken
        StoreResult result = scanAt("2026-05-25T23:00:00Z", "2026-05-27T10:00:00Z");

        assertThat(result.rpoCheck().basis()).isEqualTo("start_of_named_date_utc");
        assertThat(result.rpoCheck().backupInstant()).isEqualTo(Instant.parse("2026-05-25T00:00:00Z"));
        assertThat(result.rpoCheck().age()).isEqualTo(Duration.ofHours(23));
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void weeklyStoreHasASevenDayRpo() {
        StoreBackupSpec minio = StoreType.MINIO.backupSpec();
        assertThat(minio.rpo()).isEqualTo(Duration.ofDays(7));
        assertThat(RpoCheck.assess(java.time.LocalDate.parse("2026-05-18"), null, minio.rpo(),
                Instant.parse("2026-05-25T00:00:01Z")).met()).isFalse();
        assertThat(RpoCheck.assess(java.time.LocalDate.parse("2026-05-18"), null, minio.rpo(),
                Instant.parse("2026-05-25T00:00:00Z")).met()).isTrue();
    }
}
