package dev.restoredrill.backup;

import dev.restoredrill.store.StoreType;

import dev.restoredrill.outcome.Verdict;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarScanTest {
    static final Clock DRILL = Fixtures.clockAt("2026-05-25T20:00:00Z");
    static final StoreBackupSpec CLICKHOUSE = StoreType.CLICKHOUSE.backupSpec();
    static final StoreBackupSpec MINIO = StoreType.MINIO.backupSpec();

    /** The backups folder sits one level down, so that a path escaping it lands in this test's own folder. */
    @TempDir
    Path temp;
    Path backups;

    @BeforeEach
    void backupsFolder() throws Exception {
        backups = Files.createDirectory(temp.resolve("backups"));
    }

    private StoreResult scan(StoreBackupSpec spec, Fixtures.TarContent content) {
        String name = spec.filePattern().replace("{date}", "2026-05-25");
        Fixtures.touch(Fixtures.tarGz(backups.resolve(name), content), "2026-05-25T03:00:00Z");
        return BackupCatalog.scan(backups, List.of(spec), DRILL, ScanProgress.silent()).stores().get(0);
    }

    @Test
    void minioVolumeCountsObjectsPerBucket() {
        StoreResult result = scan(MINIO, Fixtures::minioVolume);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        TarFacts facts = (TarFacts) result.facts();
        assertThat(facts.filesPerSecondLevel()).isEqualTo(Map.of("data/langfuse", 3L, "data/.minio.sys", 1L));
        assertThat(facts.files()).isEqualTo(4);
        assertThat(facts.directories()).isEqualTo(3);
        assertThat(facts.entries()).isEqualTo(7);
        assertThat(facts.topLevel()).isEqualTo(Map.of("data", 7L));
        assertThat(facts.fileBytes()).isEqualTo(11 + 11 + 3 + 15);
        assertThat(facts.hostile()).isFalse();
        assertThat(result.hostile()).isFalse();
    }

    @Test
    void clickhouseVolumeListsTablesButNotSystemOnes() {
        StoreResult result = scan(CLICKHOUSE, tar -> tar.dir("data").dir("data/metadata")
                .file("data/metadata/default.sql", "ATTACH DATABASE default ENGINE = Ordinary")
                .file("data/metadata/default/traces.sql", "ATTACH TABLE traces (id String) ENGINE = MergeTree")
                .file("data/metadata/default/schema_migrations.sql", "ATTACH TABLE schema_migrations (v Int64)")
                .file("data/metadata/my%2Ddb/odd%2Ename.sql", "ATTACH TABLE x (v Int64)")
                .file("data/metadata/system/query_log.sql", "ATTACH TABLE query_log (v Int64)")
                .file("data/data/default/traces/all_1_1_0/id.bin", "bin"));

        TarFacts facts = (TarFacts) result.facts();
        assertThat(facts.clickhouseTables())
                .containsExactlyInAnyOrder("default.traces", "default.schema_migrations", "my-db.odd.name");
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void entriesOutsideDataAreAWarning() {
        StoreResult result = scan(MINIO, tar -> Fixtures.minioVolume(tar).file("etc/notes.txt", "x"));

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.warnings()).singleElement().asString()
                .contains("1 entries are outside data/ (first: 'etc/notes.txt')");
    }

    @Test
    void dotDotEntryIsHostile() {
        assertHostile(scan(MINIO, tar -> Fixtures.minioVolume(tar).file("data/../x", "evil")),
                "data/../x", "path has a '..' component");
    }

    @Test
    void absolutePathIsHostile() {
        assertHostile(scan(MINIO, tar -> Fixtures.minioVolume(tar).file("/etc/cron.d/evil", "* * * * * root sh")),
                "/etc/cron.d/evil", "absolute path");
    }

    @Test
    void symlinkEscapingTheRootIsHostileButOneInsideIsNot() {
        assertHostile(scan(MINIO, tar -> Fixtures.minioVolume(tar)
                        .symlink("data/langfuse/inside", "../.minio.sys/format.json")
                        .symlink("data/langfuse/escape", "../../../etc/passwd")),
                "data/langfuse/escape", "symlink to '../../../etc/passwd' escapes the archive root");
    }

    @Test
    void symlinkToAnAbsoluteTargetIsHostile() {
        assertHostile(scan(MINIO, tar -> Fixtures.minioVolume(tar).symlink("data/shadow", "/etc/shadow")),
                "data/shadow", "symlink to '/etc/shadow' escapes the archive root");
    }

    @Test
    void hardlinkEscapingTheRootIsHostile() {
        assertHostile(scan(MINIO, tar -> Fixtures.minioVolume(tar).hardlink("data/h", "../etc/passwd")),
                "data/h", "hardlink to '../etc/passwd' escapes the archive root");
    }

    @Test
    void deviceFileIsHostile() {
        assertHostile(scan(MINIO, tar -> Fixtures.minioVolume(tar).charDevice("data/null")),
                "data/null", "device file");
    }

    @Test
    void theCatalogNeverExtractsAnything() throws Exception {
        scan(MINIO, tar -> Fixtures.minioVolume(tar).file("data/../x", "evil").file("/tmp/evil-drill", "x"));

        try (Stream<Path> files = Files.list(backups)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("minio_2026-05-25.tar.gz");
        }
        assertThat(backups.getParent().resolve("x")).doesNotExist();
        assertThat(Path.of("/tmp/evil-drill")).doesNotExist();
    }

    @Test
    void tarTruncatedInsideItsGzipFailsNamingTheEntry() throws Exception {
        StoreResult whole = scan(MINIO, tar -> Fixtures.minioVolume(tar).file("data/langfuse/big", "y".repeat(200_000)));
        assertThat(whole.verdict()).isEqualTo(Verdict.PASS);
        Path file = backups.resolve("minio_2026-05-25.tar.gz");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));

        StoreResult cut = BackupCatalog.scan(backups, List.of(MINIO), DRILL, ScanProgress.silent()).stores().get(0);

        assertThat(cut.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(cut.failures()).singleElement().asString()
                .contains("truncated: the gzip stream ends abruptly", "Reading stopped at entry");
    }

    private static void assertHostile(StoreResult result, String entry, String reason) {
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.hostile()).isTrue();
        assertThat(result.hostileReason()).isEqualTo("entry '" + entry + "': " + reason);
        assertThat(((TarFacts) result.facts()).hostileEntries())
                .containsExactly(new TarFacts.HostileEntry(entry, reason));
        assertThat(result.failures()).singleElement().asString()
                .isEqualTo("minio_2026-05-25.tar.gz: hostile tarball: entry '" + entry + "' (" + reason + "). It"
                        + " must never be extracted; find out who wrote it before using any of it.");
    }
}
