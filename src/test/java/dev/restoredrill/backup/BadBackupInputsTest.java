package dev.restoredrill.backup;

import dev.restoredrill.store.StoreType;

import dev.restoredrill.outcome.Verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way a backup can be bad, with the message a user reads. */
class BadBackupInputsTest {
    static final Clock DRILL = Fixtures.clockAt("2026-05-25T20:00:00Z");
    static final StoreBackupSpec POSTGRES = StoreType.POSTGRES.backupSpec();
    static final String FILE = "pg_2026-05-25.sql.gz";

    @TempDir
    Path backups;

    private StoreResult scan() {
        return BackupCatalog.scan(backups, List.of(POSTGRES), DRILL, ScanProgress.silent()).stores().get(0);
    }

    @Test
    void emptyFileFails() throws Exception {
        Files.write(backups.resolve(FILE), new byte[0]);

        StoreResult result = scan();

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.failures()).singleElement().asString()
                .startsWith(FILE + ": empty file (0 bytes)").contains("the backup job wrote nothing");
        assertThat(result.chosen().sha256Before())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void fileThatIsNotGzipFails() throws Exception {
        Files.writeString(backups.resolve(FILE), "-- PostgreSQL database cluster dump\n");

        StoreResult result = scan();

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.failures()).singleElement().asString()
                .isEqualTo(FILE + ": not gzip: it starts with bytes '2d 2d' where gzip starts with '1f 8b'."
                        + " Was it written without '| gzip', or is it another format?");
    }

    @Test
    void truncatedGzipStreamFailsSayingWhereTheDumpStopped() throws Exception {
        Path whole = Fixtures.gzip(backups.resolve("whole.tmp"), Fixtures.pgDumpall());
        byte[] bytes = Files.readAllBytes(whole);
        Files.delete(whole);
        Files.write(backups.resolve(FILE), Arrays.copyOf(bytes, bytes.length / 2));

        StoreResult result = scan();

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.failures()).singleElement().asString()
                .startsWith(FILE + ": truncated: the gzip stream ends abruptly after " + bytes.length / 2
                        + " compressed bytes")
                .contains("Reading stopped at line");
        assertThat(result.chosen().sizeBytes()).isEqualTo(bytes.length / 2);
    }

    @Test
    void corruptGzipDataFails() throws Exception {
        Path file = Fixtures.gzip(backups.resolve(FILE), Fixtures.pgDumpall());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 6] ^= 0x55; // inside the CRC-32 of the gzip trailer
        Files.write(file, bytes);

        assertThat(scan().failures()).singleElement().asString()
                .startsWith(FILE + ": corrupt gzip data").contains("damaged after it was written");
    }

    @Test
    void directoryInPlaceOfTheFileIsAnError() throws Exception {
        // Root reads through chmod 000, so an unreadable file is made as a directory under the backup's name.
        Files.createDirectory(backups.resolve(FILE));

        StoreResult result = scan();

        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.error()).isEqualTo(FILE + " is a directory, not a backup file: something created a"
                + " directory under a backup's name; remove or rename it.");
        assertThat(result.chosen().sha256Before()).isNull();
    }

    @Test
    void danglingSymlinkIsAnError() throws Exception {
        Files.createSymbolicLink(backups.resolve(FILE), Path.of("/nonexistent/pg.sql.gz"));

        StoreResult result = scan();

        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.error()).startsWith(FILE + " is a symlink to '/nonexistent/pg.sql.gz', which does not"
                + " exist (a dangling link)");
    }

    @Test
    void storeWithoutAnyFileFailsNamingDirectoryAndPattern() throws Exception {
        Files.writeString(backups.resolve("notes.txt"), "not a backup", StandardCharsets.UTF_8);

        StoreResult result = scan();

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.chosen()).isNull();
        assertThat(result.failures()).singleElement().asString()
                .contains("no file in " + backups.toAbsolutePath().normalize() + " matches 'pg_{date}.sql.gz'");
    }

    @Test
    void missingDirectoryStopsTheCatalogWithAClearError() {
        Path missing = backups.resolve("nope");

        assertThatThrownBy(() -> BackupCatalog.scan(missing, List.of(POSTGRES), DRILL, ScanProgress.silent()))
                .isInstanceOf(BackupCatalogException.class)
                .hasMessage("the backups directory " + missing + " does not exist: point the drill at the"
                        + " directory the backup jobs write into (the runbook's /backups), e.g."
                        + " -Ddrill.backups=PATH.");
    }

    @Test
    void fileInPlaceOfTheDirectoryStopsTheCatalog() throws Exception {
        Path file = Files.writeString(backups.resolve("backups"), "x");

        assertThatThrownBy(() -> BackupCatalog.scan(file, List.of(POSTGRES), DRILL, ScanProgress.silent()))
                .isInstanceOf(BackupCatalogException.class).hasMessageContaining("is not a directory");
    }

    @Test
    void patternWithoutDateIsRejected() {
        assertThatThrownBy(() -> POSTGRES.withFilePattern("pg_latest.sql.gz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("file pattern 'pg_latest.sql.gz' must be a file name containing {date} exactly once"
                        + " (e.g. pg_{date}.sql.gz)");
    }
}
