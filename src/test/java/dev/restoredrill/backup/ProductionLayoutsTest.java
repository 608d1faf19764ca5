package dev.restoredrill.backup;

import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.store.StoreType;

import static dev.restoredrill.backup.ProductionVolumes.DEFAULT_DB;
import static dev.restoredrill.backup.ProductionVolumes.TRACES;
import static dev.restoredrill.backup.ProductionVolumes.storeTarget;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog on volumes laid out as ClickHouse 24.8 (Atomic) and MinIO (xl-single) write them. */
class ProductionLayoutsTest {
    static final Clock DRILL = Fixtures.clockAt("2026-05-25T20:00:00Z");
    static final StoreBackupSpec CLICKHOUSE = StoreType.CLICKHOUSE.backupSpec();
    static final StoreBackupSpec MINIO = StoreType.MINIO.backupSpec();

    @TempDir
    Path backups;

    private StoreResult scan(StoreBackupSpec spec, Fixtures.TarContent content) {
        String name = spec.filePattern().replace("{date}", "2026-05-25");
        Fixtures.touch(Fixtures.tarGz(backups.resolve(name), content), "2026-05-25T03:00:00Z");
        return BackupCatalog.scan(backups, List.of(spec), DRILL, ScanProgress.silent()).stores().get(0);
    }

    @Test
    void atomicClickHouseVolumeIsAcceptedWithItsDatabasesTablesAndActiveRows() {
        StoreResult result = scan(CLICKHOUSE, ProductionVolumes::clickhouseAtomic);

        assertThat(result.failures()).isEmpty();
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.hostile()).isFalse();
        TarFacts facts = (TarFacts) result.facts();
        assertThat(facts.layout()).isEqualTo(VolumeLayout.CLICKHOUSE_ATOMIC);
        assertThat(facts.symlinks()).isEqualTo(6);
        assertThat(facts.clickhouseDatabases()).extracting(TarFacts.ClickHouseDatabase::name,
                        TarFacts.ClickHouseDatabase::engine, TarFacts.ClickHouseDatabase::compared)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("INFORMATION_SCHEMA", "Memory", false),
                        org.assertj.core.groups.Tuple.tuple("default", "Atomic", true),
                        org.assertj.core.groups.Tuple.tuple("information_schema", "Memory", false),
                        org.assertj.core.groups.Tuple.tuple("system", "Atomic", false));
        assertThat(facts.clickhouseDatabases()).filteredOn(d -> d.name().equals("default"))
                .singleElement().extracting(TarFacts.ClickHouseDatabase::uuid).isEqualTo(DEFAULT_DB);
        assertThat(facts.clickhouseTables()).containsExactlyInAnyOrder("default.traces", "default.schema_migrations",
                "default.observations", "default.traces_view");
        assertThat(facts.clickhouseTableDetails()).extracting(t -> t.database() + "." + t.table(),
                        TarFacts.ClickHouseTable::rows, TarFacts.ClickHouseTable::activeParts,
                        TarFacts.ClickHouseTable::outdatedParts, TarFacts.ClickHouseTable::detachedParts,
                        TarFacts.ClickHouseTable::compared)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("default.observations", 7L, 2, 0, 0, true),
                        org.assertj.core.groups.Tuple.tuple("default.schema_migrations", 2L, 1, 3, 0, true),
                        // 202605_1_2_1 covers 1_1_0 and 2_2_0, still on disk: 5 + 4, the detached 7 not counted
                        org.assertj.core.groups.Tuple.tuple("default.traces", 9L, 2, 2, 1, true),
                        org.assertj.core.groups.Tuple.tuple("default.traces_view", null, 0, 0, 0, true),
                        org.assertj.core.groups.Tuple.tuple("system.query_log", 100L, 1, 0, 0, false));
        assertThat(facts.clickhouseTableDetails()).filteredOn(t -> t.table().equals("traces")).singleElement()
                .extracting(TarFacts.ClickHouseTable::uuid, TarFacts.ClickHouseTable::engine)
                .containsExactly(TRACES, "ReplacingMergeTree");
        assertThat(facts.summary()).isEqualTo("atomic: 4 ch tables, 18 rows");
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void ordinaryClickHouseVolumeKeepsItsLayout() {
        StoreResult result = scan(CLICKHOUSE, tar -> tar.dir("data").dir("data/metadata")
                .file("data/metadata/default/traces.sql", "ATTACH TABLE traces (id String) ENGINE = MergeTree")
                .file("data/data/default/traces/all_1_1_0/count.txt", "3"));

        TarFacts facts = (TarFacts) result.facts();
        assertThat(facts.layout()).isEqualTo(VolumeLayout.CLICKHOUSE_ORDINARY);
        assertThat(facts.clickhouseTables()).containsExactly("default.traces");
        assertThat(facts.clickhouseTableDetails()).isEmpty();
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void linkToEtcAtAnIntrospectionPlaceIsHostile() {
        assertHostile(scan(CLICKHOUSE, tar -> ProductionVolumes.clickhouseAtomic(tar)
                        .symlink("data/data/default/evil", "/etc")),
                "data/data/default/evil", "symlink to '/etc' escapes the archive root");
    }

    @Test
    void storeLinkWhoseFolderDoesNotMatchItsUuidIsHostile() {
        String wrong = "/var/lib/clickhouse/store/fff/" + TRACES + "/";
        assertHostile(scan(CLICKHOUSE, tar -> ProductionVolumes.clickhouseAtomic(tar)
                        .symlink("data/data/default/odd", wrong)),
                "data/data/default/odd", "symlink to '" + wrong + "' escapes the archive root");
    }

    @Test
    void fileWrittenThroughAnIntrospectionLinkIsHostile() {
        assertHostile(scan(CLICKHOUSE, tar -> ProductionVolumes.clickhouseAtomic(tar)
                        .file("data/data/default/traces/202605_9_9_0/count.txt", "1")),
                "data/data/default/traces/202605_9_9_0/count.txt",
                "written through the link 'data/data/default/traces' the tarball made");
    }

    @Test
    void storeLinkOutsideDataAndMetadataIsHostile() {
        assertHostile(scan(CLICKHOUSE, tar -> ProductionVolumes.clickhouseAtomic(tar)
                        .symlink("data/user_files/shortcut", storeTarget(TRACES))),
                "data/user_files/shortcut", "symlink to '" + storeTarget(TRACES) + "' escapes the archive root");
    }

    @Test
    void storeLinkOutsideTheArchivesDataRootIsHostile() {
        assertHostile(scan(CLICKHOUSE, tar -> ProductionVolumes.clickhouseAtomic(tar)
                        .symlink("data/data/default/deeper/traces", storeTarget(TRACES))),
                "data/data/default/deeper/traces",
                "symlink to '" + storeTarget(TRACES) + "' escapes the archive root");
    }

    @Test
    void longAbsoluteNameFromAPaxHeaderIsStillHostile() {
        String name = "/etc/cron.d/" + "x".repeat(120);
        assertHostile(scan(CLICKHOUSE, tar -> ProductionVolumes.clickhouseAtomic(tar).file(name, "* * * * * root sh")),
                name, "absolute path");
    }

    @Test
    void longAbsoluteNameFromAGnuLongNameEntryIsStillHostile() {
        String name = "/etc/cron.d/" + "g".repeat(120);
        Fixtures.touch(Fixtures.tarGz(backups.resolve("clickhouse_2026-05-25.tar.gz"),
                tar -> ProductionVolumes.clickhouseAtomic(tar).file(name, "* * * * * root sh"),
                org.apache.commons.compress.archivers.tar.TarArchiveOutputStream.LONGFILE_GNU), "2026-05-25T03:00:00Z");

        StoreResult result = BackupCatalog.scan(backups, List.of(CLICKHOUSE), DRILL, ScanProgress.silent()).stores()
                .get(0);

        assertHostile(result, name, "absolute path");
    }

    @Test
    void gnuLongNamesOfARealVolumeAreRead() {
        Fixtures.touch(Fixtures.tarGz(backups.resolve("clickhouse_2026-05-25.tar.gz"), ProductionVolumes::clickhouseAtomic,
                org.apache.commons.compress.archivers.tar.TarArchiveOutputStream.LONGFILE_GNU), "2026-05-25T03:00:00Z");

        StoreResult result = BackupCatalog.scan(backups, List.of(CLICKHOUSE), DRILL, ScanProgress.silent()).stores()
                .get(0);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(((TarFacts) result.facts()).clickhouseTableDetails()).filteredOn(t -> t.table().equals("observations"))
                .singleElement().extracting(TarFacts.ClickHouseTable::rows).isEqualTo(7L);
    }

    @Test
    void longAbsoluteLinkTargetIsHostile() {
        String target = "/etc/" + "y".repeat(120);
        assertHostile(scan(CLICKHOUSE, tar -> ProductionVolumes.clickhouseAtomic(tar)
                        .symlink("data/metadata/" + "z".repeat(110), target)),
                "data/metadata/" + "z".repeat(110), "symlink to '" + target + "' escapes the archive root");
    }

    @Test
    void minioXlVolumeCountsObjectsFromXlMetaNotFiles() {
        StoreResult result = scan(MINIO, ProductionVolumes::minioXl);

        assertThat(result.failures()).isEmpty();
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        TarFacts facts = (TarFacts) result.facts();
        assertThat(facts.layout()).isEqualTo(VolumeLayout.MINIO_XL);
        assertThat(facts.minioBuckets()).containsExactly(
                new TarFacts.MinioBucket("empty-bucket", 0, 0, 0, true),
                new TarFacts.MinioBucket("langfuse", 4, 1, 0, true));
        assertThat(facts.filesPerSecondLevel().get("data/langfuse")).isEqualTo(9L); // files, not objects
        assertThat(facts.summary()).startsWith("xl: 4 objects, ");
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void unreadableXlMetaMakesTheCountALowerBoundWithAWarning() {
        StoreResult result = scan(MINIO, tar -> ProductionVolumes.minioXl(tar)
                .file("data/langfuse/broken/xl.meta", "XL2 \u0001\u0000\u0003\u0000garbage"));

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        TarFacts facts = (TarFacts) result.facts();
        assertThat(facts.minioBuckets()).contains(new TarFacts.MinioBucket("langfuse", 4, 1, 1, false));
        assertThat(facts.summary()).startsWith("xl: 4+ objects");
        assertThat(result.warnings()).singleElement().asString().contains("1 xl.meta could not be read",
                "langfuse/broken/xl.meta", "compared as 'at least'");
    }

    @Test
    void xlMetaWithAWrongCrcIsUnreadable() {
        byte[] meta = new XlMetaWriter().inlineObject(null, ProductionVolumes.NOW, new byte[10]).bytes();
        meta[20] ^= 0x01;

        StoreResult result = scan(MINIO, tar -> ProductionVolumes.minioXl(tar).file("data/langfuse/flip/xl.meta", meta));

        assertThat(((TarFacts) result.facts()).minioBuckets()).contains(new TarFacts.MinioBucket("langfuse", 4, 1, 1,
                false));
        assertThat(result.warnings()).singleElement().asString().contains("CRC mismatch");
    }

    @Test
    void plainFilesVolumeKeepsCountingFiles() {
        StoreResult result = scan(MINIO, Fixtures::minioVolume);

        TarFacts facts = (TarFacts) result.facts();
        assertThat(facts.layout()).isEqualTo(VolumeLayout.PLAIN_FILES);
        assertThat(facts.minioBuckets()).isEmpty();
        assertThat(facts.filesPerSecondLevel()).containsEntry("data/langfuse", 3L);
    }

    private static void assertHostile(StoreResult result, String entry, String reason) {
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.hostile()).isTrue();
        assertThat(((TarFacts) result.facts()).hostileEntries()).containsExactly(new TarFacts.HostileEntry(entry, reason));
        assertThat(result.hostileReason()).isEqualTo("entry '" + entry + "': " + reason);
    }
}
