package dev.restoredrill.backup;

import dev.restoredrill.outcome.Verdict;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {
    @TempDir
    Path work;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Preflight.run(args, Fixtures.clockAt("2026-05-25T20:00:00Z"), ScanProgress.silent(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsTheTableWritesTheManifestAndExitsNonZeroWhenAStoreFails() throws Exception {
        Path backups = Files.createDirectory(work.resolve("backups"));
        Fixtures.gzip(backups.resolve("pg_2026-05-25.sql.gz"), Fixtures.pgDumpall());
        Path manifest = work.resolve("out/manifest.json");

        int exit = run("--backups=" + backups, "--manifest=" + manifest);

        assertThat(exit).isEqualTo(1); // mongodb, clickhouse and minio have no backup here
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("postgres   PASS", "clickhouse FAIL",
                "minio FAIL: no usable backup: no file in " + backups.toAbsolutePath() + " matches 'minio_{date}.tar.gz'");
        assertThat(BackupManifest.fromJson(Files.readString(manifest)).store("postgres").orElseThrow().verdict())
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void thePickReachesThePreflightAndABadOneStopsIt() throws Exception {
        Path backups = NightlySet.write(work.resolve("backups"), java.time.LocalDate.parse("2026-05-25"), 14);
        System.setProperty(BackupPick.PROPERTY, "date:2026-05-18");
        try {
            int exit = run("--backups=" + backups, "--manifest=" + work.resolve("m.json"));

            assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(0);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Pick 2026-05-18 asked for", "pg_2026-05-18.sql.gz",
                    "minio_2026-05-18.tar.gz");
            System.setProperty(BackupPick.PROPERTY, "yesterday");
            assertThat(run("--backups=" + backups, "--manifest=" + work.resolve("m2.json")))
                    .isEqualTo(Preflight.CANNOT_RUN);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("-Ddrill.pick: expected 'newest'");
        } finally {
            System.clearProperty(BackupPick.PROPERTY);
        }
    }

    @Test
    void productionLayoutsPassWithTheirDatabasesTablesRowsAndObjectsInTheManifest() throws Exception {
        Path backups = ProductionVolumes.writeBackupSet(work.resolve("backups"));
        Path manifestFile = work.resolve("out/manifest.json");

        int exit = run("--backups=" + backups, "--manifest=" + manifestFile);

        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("clickhouse PASS", "atomic: 4 ch tables, 18 rows", "minio      PASS", "xl: 4 objects");
        String json = Files.readString(manifestFile);
        assertThat(json).contains("\"layout\" : \"clickhouse_atomic\"", "\"layout\" : \"minio_xl\"");
        BackupManifest manifest = BackupManifest.fromJson(json);
        TarFacts clickhouse = (TarFacts) manifest.store("clickhouse").orElseThrow().facts();
        assertThat(clickhouse.clickhouseTableDetails()).filteredOn(t -> t.table().equals("traces")).singleElement()
                .extracting(TarFacts.ClickHouseTable::rows).isEqualTo(9L);
        TarFacts minio = (TarFacts) manifest.store("minio").orElseThrow().facts();
        assertThat(minio.minioBuckets()).contains(new TarFacts.MinioBucket("langfuse", 4, 1, 0, true));
    }

    @Test
    void hostileProductionLikeTarballsAreRefused() throws Exception {
        Path backups = ProductionVolumes.writeBackupSet(work.resolve("backups"));
        Fixtures.touch(Fixtures.tarGz(backups.resolve("clickhouse_2026-05-25.tar.gz"), tar -> ProductionVolumes
                .clickhouseAtomic(tar).file("data/data/default/traces/202605_9_9_0/count.txt", "1")),
                "2026-05-25T02:20:00Z");

        int exit = run("--backups=" + backups, "--manifest=" + work.resolve("m.json"));

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("clickhouse FAIL", "hostile tarball");
    }

    @Test
    void missingDirectoryExitsTwoWithTheReason() {
        assertThat(run("--backups=" + work.resolve("none"), "--manifest=" + work.resolve("m.json"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("pre-flight cannot run: the backups directory");
    }

    @Test
    void refusesToWriteTheManifestIntoTheBackupsDirectory() throws Exception {
        Path backups = Files.createDirectory(work.resolve("backups"));

        assertThat(run("--backups=" + backups, "--manifest=" + backups.resolve("m.json"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("which the drill never writes to");
        assertThat(backups).isEmptyDirectory();
    }
}
