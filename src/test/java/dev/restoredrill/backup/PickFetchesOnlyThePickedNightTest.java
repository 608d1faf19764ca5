package dev.restoredrill.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.store.StoreType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An off-host source (S3, restic) is listed, and only the chosen files are fetched: a pick chooses from the listing
 * like the newest rule does, so a month of backups is still listed, not downloaded. A location that records what
 * the catalog asks it to fetch stands for the remote one here (the S3 and restic fetches themselves are tested in
 * {@code OffHostSourcesIT}).
 */
class PickFetchesOnlyThePickedNightTest {

    @TempDir
    Path backups;

    /** A source whose files are listed like a remote one's and whose fetches are recorded. */
    private static final class RecordingLocation implements BackupLocation {
        final DirectoryLocation files;
        final List<String> fetched = new ArrayList<>();

        RecordingLocation(Path dir) {
            files = new DirectoryLocation(dir);
        }

        @Override
        public String describe() {
            return "s3://offsite/nightly (recorded)";
        }

        @Override
        public List<ListedFile> list() {
            return files.list();
        }

        @Override
        public synchronized Path localCopy(String store, ListedFile file) {
            fetched.add(file.name());
            return files.localCopy(store, file);
        }

        @Override
        public Path localDirectory() {
            return files.localDirectory();
        }

        @Override
        public SourceRecord record() {
            return SourceRecord.directory(describe());
        }
    }

    @Test
    void aRandomPickFetchesTheFourFilesOfItsNightAndNothingElse() {
        NightlySet.write(backups, LocalDate.parse("2026-05-26"), 30);
        RecordingLocation source = new RecordingLocation(backups);

        BackupManifest manifest = new BackupCatalog(BackupPickTest.DRILL, ScanProgress.silent()).scan(source,
                Arrays.stream(StoreType.values()).map(StoreType::backupSpec).toList(),
                BackupPick.parse("random-within:30d", Optional.of("3"), () -> 0L));

        assertThat(manifest.verdict()).as(manifest.toTable()).isEqualTo(Verdict.PASS);
        LocalDate night = manifest.pick().night();
        assertThat(source.fetched).containsExactlyInAnyOrder("pg_" + night + ".sql.gz", "mongo_" + night + ".gz",
                "clickhouse_" + night + ".tar.gz", "minio_" + night + ".tar.gz");
        assertThat(manifest.store("postgres").orElseThrow().candidates()).hasSize(30);
    }
}
