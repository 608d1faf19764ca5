package dev.restoredrill.backup;

import dev.restoredrill.store.StoreType;

import dev.restoredrill.outcome.Verdict;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {
    static final Clock DRILL = Fixtures.clockAt("2026-05-25T20:00:00Z");

    @TempDir
    Path backups;

    /** postgres and minio pass, clickhouse has no file, mongodb is skipped (see MongoArchiveFactsTest). */
    final List<StoreBackupSpec> specs = List.of(StoreType.POSTGRES.backupSpec(),
            StoreType.CLICKHOUSE.backupSpec(), StoreType.MINIO.backupSpec());

    @BeforeEach
    void backups() {
        Fixtures.touch(Fixtures.gzip(backups.resolve("pg_2026-05-24.sql.gz"), Fixtures.pgDumpall()),
                "2026-05-24T02:00:00Z");
        Fixtures.touch(Fixtures.gzip(backups.resolve("pg_2026-05-25.sql.gz"), Fixtures.pgDumpall()),
                "2026-05-25T02:00:00Z");
        Fixtures.touch(Fixtures.tarGz(backups.resolve("minio_2026-05-20.tar.gz"), Fixtures::minioVolume),
                "2026-05-20T03:00:00Z");
    }

    private BackupManifest scan() {
        return BackupCatalog.scan(backups, specs, DRILL, ScanProgress.silent());
    }

    @Test
    void sha256IsThatOfTheRawFileBytesAsSha256sumComputesIt() throws Exception {
        Path file = backups.resolve("pg_2026-05-25.sql.gz");
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));

        ChosenBackup chosen = scan().store("postgres").orElseThrow().chosen();

        assertThat(chosen.sha256Before()).isEqualTo(expected);
        assertThat(chosen.sizeBytes()).isEqualTo(Files.size(file));
    }

    @Test
    void scanningLeavesTheBackupsDirectoryExactlyAsItWas() throws Exception {
        Map<String, String> before = listing();

        BackupManifest manifest = scan();
        manifest = new BackupCatalog(DRILL, ScanProgress.silent()).verifyUnchanged(manifest);

        assertThat(listing()).isEqualTo(before);
        assertThat(manifest.store("postgres").orElseThrow().chosen().sha256After())
                .isEqualTo(manifest.store("postgres").orElseThrow().chosen().sha256Before());
        assertThat(manifest.store("postgres").orElseThrow().verdict()).isEqualTo(Verdict.PASS);
    }

    private Map<String, String> listing() throws Exception {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> files = Files.list(backups)) {
            for (Path p : files.toList()) {
                entries.put(p.getFileName().toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p));
            }
        }
        entries.put(".", String.valueOf(Files.getLastModifiedTime(backups)));
        return entries;
    }

    @Test
    void backupChangedDuringTheDrillFails() throws Exception {
        BackupManifest manifest = scan();
        Fixtures.gzip(backups.resolve("pg_2026-05-25.sql.gz"), Fixtures.pgDumpall() + "-- changed\n");

        StoreResult postgres = new BackupCatalog(DRILL, ScanProgress.silent()).verifyUnchanged(manifest)
                .store("postgres").orElseThrow();

        assertThat(postgres.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(postgres.chosen().sha256After()).isNotEqualTo(postgres.chosen().sha256Before());
        assertThat(postgres.failures()).singleElement().asString()
                .startsWith("pg_2026-05-25.sql.gz: sha256 changed during the drill (before "
                        + postgres.chosen().sha256Before());
    }

    @Test
    void backupGoneAfterTheDrillFails() throws Exception {
        BackupManifest manifest = scan();
        Files.delete(backups.resolve("pg_2026-05-25.sql.gz"));

        StoreResult postgres = new BackupCatalog(DRILL, ScanProgress.silent()).verifyUnchanged(manifest)
                .store("postgres").orElseThrow();

        assertThat(postgres.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(postgres.failures()).singleElement().asString()
                .isEqualTo("after the drill, pg_2026-05-25.sql.gz does not exist (any more): it was moved or deleted.");
    }

    @Test
    void jsonUsesTheDocumentedSnakeCaseNamesAndReadsBack() throws Exception {
        BackupManifest manifest = scan();
        JsonNode json = new ObjectMapper().readTree(manifest.toJson());

        assertThat(json.get("drill_time").asText()).isEqualTo("2026-05-25T20:00:00Z");
        assertThat(json.get("verdict").asText()).isEqualTo("FAIL");
        JsonNode postgres = json.get("stores").get(0);
        assertThat(fieldNames(json)).containsExactly("drill_time", "source_dir", "selection_rule",
                "backup_instant_rule", "verdict", "stores", "source", "pick");
        assertThat(fieldNames(json.get("pick"))).containsExactly("spec", "seed", "night", "reason", "eligible",
                "failure");
        assertThat(json.get("pick").get("spec").asText()).isEqualTo("newest");
        assertThat(fieldNames(json.get("source"))).containsExactly("kind", "uri", "bucket", "prefix", "snapshot_id",
                "snapshot_time", "cache_dir", "fetches", "bytes_fetched", "fault");
        assertThat(json.get("source").get("kind").asText()).isEqualTo("directory");
        assertThat(json.get("source").get("uri").asText()).isEqualTo(json.get("source_dir").asText());
        assertThat(fieldNames(postgres)).containsExactly("store", "format", "file_pattern", "rpo_target",
                "verdict", "chosen", "rpo_check", "facts", "hostile", "hostile_reason", "candidates", "failures",
                "warnings", "error", "picked");
        assertThat(fieldNames(postgres.get("picked"))).containsExactly("reason", "backup_date", "backup_instant",
                "basis", "age", "newest", "passed_over");
        assertThat(fieldNames(postgres.get("chosen"))).containsExactly("file_name", "size_bytes", "sha256_before",
                "sha256_after", "uncompressed_bytes");
        assertThat(postgres.get("rpo_target").asText()).isEqualTo("PT24H");
        assertThat(postgres.get("rpo_check").get("age").asText()).isEqualTo("PT18H");
        assertThat(postgres.get("facts").get("kind").asText()).isEqualTo("pg_dumpall");
        assertThat(postgres.get("facts").get("databases").get(1).get("tables").get(0).get("table").asText())
                .isEqualTo("LiteLLM_SpendLogs");
        assertThat(json.get("stores").get(2).get("facts").get("files_per_second_level").get("data/langfuse")
                .asLong()).isEqualTo(3);

        assertThat(BackupManifest.fromJson(manifest.toJson())).isEqualTo(manifest);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void tableFitsOnOneScreenWithOneLinePerStore() {
        BackupManifest manifest = scan();

        String table = manifest.toTable();

        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(2 + specs.size());
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
        assertThat(lines.get(2)).startsWith("postgres   PASS    pg_2026-05-25.sql.gz").contains("18h00m", "24h",
                "3 dbs, 4 tables, 6 rows");
        assertThat(lines.get(3)).startsWith("clickhouse FAIL    -").contains("7d", "no usable backup");
        assertThat(lines.get(4)).startsWith("minio      PASS    minio_2026-05-20.tar.gz").contains("5d17h", "4 files");
    }

    @Test
    void progressReportsEachFileFromStartToEndInBytes() throws Exception {
        List<String> events = new ArrayList<>();
        ScanProgress recorder = new ScanProgress() {
            @Override
            public void started(Target t) {
                events.add("start " + t.store() + " " + t.phase() + " " + t.fileName() + " " + t.sizeBytes());
            }

            @Override
            public void advanced(Target t, long bytesRead, double mbPerSecond) {
                events.add("advance " + t.store());
            }

            @Override
            public void finished(Target t, long bytesRead, Duration elapsed, double mbPerSecond) {
                events.add("end " + t.store() + " " + bytesRead);
            }
        };
        long pgSize = Files.size(backups.resolve("pg_2026-05-25.sql.gz"));

        new BackupCatalog(DRILL, recorder).withProgressInterval(Duration.ZERO).scan(backups, specs.subList(0, 1));

        assertThat(events.get(0)).isEqualTo("start postgres scan pg_2026-05-25.sql.gz " + pgSize);
        assertThat(events).contains("advance postgres");
        assertThat(events.get(events.size() - 1)).isEqualTo("end postgres " + pgSize);
    }
}
