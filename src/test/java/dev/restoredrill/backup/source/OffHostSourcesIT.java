package dev.restoredrill.backup.source;

import dev.restoredrill.backup.BackupManifest;
import dev.restoredrill.backup.FetchRecord;
import dev.restoredrill.backup.Preflight;
import dev.restoredrill.backup.ScanProgress;
import dev.restoredrill.backup.StoreResult;
import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.drill.DrillOptions;
import dev.restoredrill.drill.DrillRun;
import dev.restoredrill.generate.BackupFile;
import dev.restoredrill.generate.BackupSet;
import dev.restoredrill.generate.GeneratedBackups;
import dev.restoredrill.testsupport.RequiresDocker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.restoredrill.backup.source.Drills.STORES;
import static dev.restoredrill.backup.source.Drills.cachedBackups;
import static dev.restoredrill.backup.source.Drills.catalog;
import static dev.restoredrill.backup.source.Drills.fetch;
import static dev.restoredrill.backup.source.Drills.settings;
import static dev.restoredrill.backup.source.Drills.store;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog and the pre-flight reading a generated backup set ({@link GeneratedBackups}) from where the runbook
 * ships it: an S3 bucket (the reference S3 image, S3Proxy) and a real restic repository made with
 * {@code restic init} and {@code restic backup}. Each source passes, names itself in the evidence, is read
 * without downloading the older nights, and is unchanged afterwards (listing and hashes). Faults:
 * {@link OffHostSourceFaultsIT}.
 */
@RequiresDocker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OffHostSourcesIT {
    private static final String BUCKET = "offsite";
    private static final String PREFIX = "nightly/prod";
    private static final String S3_SOURCE = "s3://" + BUCKET + "/" + PREFIX;

    private final ReferenceS3 s3 = new ReferenceS3();
    @TempDir
    static Path temp; // static: filled before @BeforeAll
    private BackupSet set;
    private Path cacheRoot;

    @BeforeAll
    void startS3AndSyncTheSet() throws Exception {
        set = GeneratedBackups.small();
        s3.start().exportCredentials();
        s3.sync(set.directory(), BUCKET, PREFIX);
    }

    @AfterAll
    void stop() {
        s3.close();
    }

    @BeforeEach
    void freshCache() {
        cacheRoot = temp.resolve("cache-" + UUID.randomUUID());
    }

    @Test
    void s3BucketPassesFetchingOnlyTheNewestFilesAndStaysUnchanged() throws Exception {
        Map<String, String> before = s3.contents(BUCKET);

        BackupManifest manifest = catalog(BackupSources.open(S3_SOURCE, settings(cacheRoot, s3.endpoint(), Map.of(),
                Optional.empty())));

        assertThat(manifest.verdict()).as(manifest.toTable()).isEqualTo(Verdict.PASS);
        assertThat(manifest.source().kind()).isEqualTo("s3");
        assertThat(manifest.source().uri()).isEqualTo(S3_SOURCE);
        assertThat(manifest.source().bucket()).isEqualTo(BUCKET);
        assertThat(manifest.source().prefix()).isEqualTo(PREFIX);
        assertThat(manifest.toTable()).contains("Source " + S3_SOURCE + ": fetched 4 file(s)");
        Map<String, String> etags = s3.etags(BUCKET);
        for (String name : STORES) {
            BackupFile newest = set.newest(name).orElseThrow();
            StoreResult result = store(manifest, name);
            assertThat(result.chosen().fileName()).isEqualTo(newest.path().getFileName().toString());
            assertThat(result.chosen().sha256Before()).isEqualTo(ResticRepo.sha256(newest.path()));
            assertThat(result.candidates()).hasSize(set.of(name).size());
            FetchRecord fetch = fetch(manifest, name);
            assertThat(fetch.key()).isEqualTo(PREFIX + "/" + result.chosen().fileName());
            assertThat(fetch.identity()).startsWith("etag=" + etags.get(fetch.key()));
            assertThat(fetch.bytesFetched()).isEqualTo(Files.size(newest.path()));
            assertThat(fetch.sha256()).isEqualTo(result.chosen().sha256Before());
        }
        // Only the chosen files were downloaded, not every night of the set.
        assertThat(manifest.source().bytesFetched()).isEqualTo(STORES.stream()
                .mapToLong(s -> set.newest(s).orElseThrow().bytes()).sum());
        assertThat(cachedBackups(Path.of(manifest.sourceDir()))).containsExactlyInAnyOrderElementsOf(
                STORES.stream().map(s -> set.newest(s).orElseThrow().path().getFileName().toString()).toList());
        assertThat(s3.contents(BUCKET)).isEqualTo(before);

        // A second run reuses the verified copies instead of downloading again.
        BackupManifest again = catalog(BackupSources.open(S3_SOURCE,
                settings(cacheRoot, s3.endpoint(), Map.of(), Optional.empty())));
        assertThat(again.verdict()).isEqualTo(Verdict.PASS);
        assertThat(again.source().fetches()).allMatch(FetchRecord::fromCache);
        assertThat(again.source().bytesFetched()).isZero();
        assertThat(s3.contents(BUCKET)).isEqualTo(before);
    }

    @Test
    void preflightRunsOnAnS3Source() throws Exception {
        s3.setProperty("drill.s3.endpoint", s3.endpoint());
        s3.setProperty("drill.cache", temp.resolve("preflight-cache").toString());
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Preflight.run(new String[] {"--backups=" + S3_SOURCE,
                    "--manifest=" + temp.resolve("manifest.json")}, Clock.systemUTC(), ScanProgress.silent(),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                            StandardCharsets.UTF_8));

            assertThat(code).as(out + "\n" + err).isEqualTo(Preflight.OK);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Source " + S3_SOURCE);
            BackupManifest written = BackupManifest.fromJson(Files.readString(temp.resolve("manifest.json")));
            assertThat(written.source().bucket()).isEqualTo(BUCKET);
            assertThat(written.source().fetches()).hasSize(4).allMatch(f -> f.identity().startsWith("etag="));
        } finally {
            System.clearProperty("drill.s3.endpoint");
            System.clearProperty("drill.cache");
        }
    }

    @Test
    void theDrillsPreflightReadsTheS3Source() throws Exception {
        s3.setProperty("drill.s3.endpoint", s3.endpoint());
        try (DrillRun run = DrillRun.prepare(new DrillOptions(Path.of("drill-scenarios/quarterly.yml"),
                Optional.of(S3_SOURCE), "reference", Optional.of(temp.resolve("reports")), true,
                temp.resolve("work")), Clock.systemUTC())) {
            BackupManifest manifest = run.manifest();

            assertThat(manifest.verdict()).as(manifest.toTable()).isEqualTo(Verdict.PASS);
            assertThat(manifest.source().uri()).isEqualTo(S3_SOURCE);
            assertThat(run.backups().directory()).isEqualTo(Path.of(manifest.sourceDir()));
            assertThat(run.backups().directory().resolve(run.catalog("postgres").chosen().fileName()))
                    .isRegularFile();
        } finally {
            System.clearProperty("drill.s3.endpoint");
        }
    }

    @Test
    void aDrillRestoresFromTheS3SourceAndLeavesItUnchanged() throws Exception {
        Map<String, String> before = s3.contents(BUCKET);
        Path scenario = Files.writeString(temp.resolve("from-s3.yml"), """
                name: from-s3
                stores: [postgres, minio]
                """);
        s3.setProperty("drill.s3.endpoint", s3.endpoint());
        try (DrillRun run = DrillRun.prepare(new DrillOptions(scenario, Optional.of(S3_SOURCE), "reference",
                Optional.of(temp.resolve("reports")), false, temp.resolve("work")), Clock.systemUTC())) {
            assertRestoredCompletely(run, List.of("postgres", "minio"));
            assertThat(run.manifest().source().uri()).isEqualTo(S3_SOURCE);
        } finally {
            System.clearProperty("drill.s3.endpoint");
        }
        assertThat(s3.contents(BUCKET)).as("the bucket, key by key, after the drill").isEqualTo(before);
    }

    @Test
    void resticRepositoryPassesFromItsNewestSnapshotAndStaysUnchanged() throws Exception {
        ResticRepo repo = ResticRepo.init(temp.resolve("repo"), "drill-" + UUID.randomUUID());
        String snapshot = repo.backup(set.directory());
        Map<String, String> before = repo.contents();

        BackupManifest manifest = catalog(BackupSources.open(repo.source(),
                settings(cacheRoot, null, repo.environment(),
                Optional.empty())));

        assertThat(manifest.verdict()).as(manifest.toTable()).isEqualTo(Verdict.PASS);
        assertThat(manifest.source().kind()).isEqualTo("restic");
        assertThat(manifest.source().uri()).isEqualTo(repo.source());
        assertThat(manifest.source().snapshotId()).startsWith(snapshot);
        assertThat(manifest.source().snapshotTime()).isNotNull();
        for (String name : STORES) {
            BackupFile newest = set.newest(name).orElseThrow();
            StoreResult result = store(manifest, name);
            assertThat(result.chosen().sha256Before()).isEqualTo(ResticRepo.sha256(newest.path()));
            assertThat(result.candidates()).hasSize(set.of(name).size());
            assertThat(fetch(manifest, name).identity()).isEqualTo("snapshot=" + manifest.source().snapshotId()
                    + ",path=" + fetch(manifest, name).key());
        }
        assertThat(manifest.source().bytesFetched()).isEqualTo(STORES.stream()
                .mapToLong(s -> set.newest(s).orElseThrow().bytes()).sum());
        // Not a byte written, not even a lock file: the drill reads with --no-lock.
        assertThat(repo.contents()).isEqualTo(before);
    }

    @Test
    void theDrillsPreflightReadsTheResticSource() throws Exception {
        ResticRepo repo = ResticRepo.init(temp.resolve("repo-drill"), "drill-" + UUID.randomUUID());
        repo.backup(set.directory());
        s3.setProperty("drill.restic.password-file", repo.passwordFile().toString());
        try (DrillRun run = DrillRun.prepare(new DrillOptions(Path.of("drill-scenarios/quarterly.yml"),
                Optional.of(repo.source()), "reference", Optional.of(temp.resolve("reports")), true,
                temp.resolve("work")), Clock.systemUTC())) {
            BackupManifest manifest = run.manifest();

            assertThat(manifest.verdict()).as(manifest.toTable()).isEqualTo(Verdict.PASS);
            assertThat(manifest.source().kind()).isEqualTo("restic");
            assertThat(manifest.toTable()).contains("Source " + repo.source() + " snapshot ");
        } finally {
            System.clearProperty("drill.restic.password-file");
        }
    }

    @Test
    void aDrillRestoresFromTheResticSourceAndLeavesItUnchanged() throws Exception {
        ResticRepo repo = ResticRepo.init(temp.resolve("repo-restore"), "drill-" + UUID.randomUUID());
        repo.backup(set.directory());
        Map<String, String> before = repo.contents();
        Path scenario = Files.writeString(temp.resolve("from-restic.yml"), """
                name: from-restic
                stores: [postgres, minio]
                """);
        s3.setProperty("drill.restic.password-file", repo.passwordFile().toString());
        try (DrillRun run = DrillRun.prepare(new DrillOptions(scenario, Optional.of(repo.source()), "reference",
                Optional.of(temp.resolve("reports")), false, temp.resolve("work-restic")), Clock.systemUTC())) {
            assertRestoredCompletely(run, List.of("postgres", "minio"));
            assertThat(run.manifest().source().kind()).isEqualTo("restic");
        } finally {
            System.clearProperty("drill.restic.password-file");
        }
        assertThat(repo.contents()).as("every file of the repository after the drill").isEqualTo(before);
    }

    /** Every one of the stores restored, and holds what its backup holds. */
    private static void assertRestoredCompletely(DrillRun run, List<String> stores) {
        var restores = run.restores().orElseThrow(() -> new AssertionError("the drill stack did not start: "
                + run.stackFailure().map(Throwable::getMessage).orElse("no reason recorded")));
        for (String name : stores) {
            assertThat(restores.outcomes().get(name).restored())
                    .as(String.valueOf(restores.outcomes().get(name).failure())).isTrue();
            assertThat(run.completeness(name)).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.verdict()).as(c.message()).isEqualTo(Verdict.PASS));
        }
    }
}
