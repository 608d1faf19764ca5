package dev.restoredrill.backup;

import dev.restoredrill.store.StoreType;

import dev.restoredrill.outcome.Verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupSelectionTest {
    static final Clock DRILL = Fixtures.clockAt("2026-05-26T09:00:00Z");

    @TempDir
    Path backups;

    private void dump(String name, String mtime) {
        Fixtures.touch(Fixtures.gzip(backups.resolve(name), Fixtures.pgDumpall()), mtime);
    }

    private StoreResult scan(StoreBackupSpec spec) {
        return BackupCatalog.scan(backups, List.of(spec), DRILL, ScanProgress.silent()).stores().get(0);
    }

    @Test
    void newestDateWinsFutureAndUnparsableNamesAreListedButNeverChosen() {
        dump("pg_2026-05-24.sql.gz", "2026-05-24T02:00:00Z");
        dump("pg_2026-05-25.sql.gz", "2026-05-25T23:00:00Z");
        dump("pg_2026-06-01.sql.gz", "2026-05-25T03:00:00Z");
        dump("pg_latest.sql.gz", "2026-05-26T02:00:00Z");
        dump("pg_2026-13-45.sql.gz", "2026-05-26T02:00:00Z");
        dump("mongo_2026-05-26.gz", "2026-05-26T02:00:00Z");

        StoreResult result = scan(StoreType.POSTGRES.backupSpec());

        assertThat(result.chosen().fileName()).isEqualTo("pg_2026-05-25.sql.gz");
        assertThat(result.candidates()).extracting(BackupCandidate::fileName, BackupCandidate::status)
                .containsExactly(
                        tuple("pg_2026-06-01.sql.gz", BackupCandidate.Status.FUTURE_DATE),
                        tuple("pg_2026-05-25.sql.gz", BackupCandidate.Status.CHOSEN),
                        tuple("pg_2026-05-24.sql.gz", BackupCandidate.Status.OLDER),
                        tuple("pg_latest.sql.gz", BackupCandidate.Status.UNPARSABLE_DATE),
                        tuple("pg_2026-13-45.sql.gz", BackupCandidate.Status.UNPARSABLE_DATE));
        assertThat(result.warnings()).singleElement().asString()
                .startsWith("pg_2026-06-01.sql.gz is dated after the drill day (2026-05-26 UTC)");
        assertThat(result.rpoCheck().age()).isEqualTo(java.time.Duration.ofHours(10));
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void sameDateLatestMtimeWinsThenGreatestName() {
        StoreBackupSpec spec = StoreType.POSTGRES.backupSpec().withFilePattern("pg_{date}*.sql.gz");
        dump("pg_2026-05-25-a.sql.gz", "2026-05-25T03:00:00Z");
        dump("pg_2026-05-25-b.sql.gz", "2026-05-25T02:00:00Z");
        assertThat(scan(spec).chosen().fileName()).isEqualTo("pg_2026-05-25-a.sql.gz");

        Fixtures.touch(backups.resolve("pg_2026-05-25-b.sql.gz"), "2026-05-25T03:00:00Z");
        assertThat(scan(spec).chosen().fileName()).isEqualTo("pg_2026-05-25-b.sql.gz");
    }

    @Test
    void onlyFutureOrUnparsableFilesMeanNoUsableBackup() {
        dump("pg_2027-01-01.sql.gz", "2026-05-25T02:00:00Z");
        dump("pg_yesterday.sql.gz", "2026-05-25T02:00:00Z");

        StoreResult result = scan(StoreType.POSTGRES.backupSpec());

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.chosen()).isNull();
        assertThat(result.failures()).singleElement().asString()
                .contains("matches 'pg_{date}.sql.gz' with a usable date: 2 file(s) match but 1 are dated in the"
                        + " future and 1 have no valid YYYY-MM-DD date");
    }
}
