package dev.restoredrill.backup.source;

import dev.restoredrill.backup.BackupManifest;
import dev.restoredrill.backup.FixtureBackupSet;
import dev.restoredrill.backup.ScanProgress;
import dev.restoredrill.backup.StoreResult;
import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.testsupport.RequiresDocker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.restoredrill.backup.source.Drills.STORES;
import static dev.restoredrill.backup.source.Drills.assertEveryStoreErrors;
import static dev.restoredrill.backup.source.Drills.cachedBackups;
import static dev.restoredrill.backup.source.Drills.catalog;
import static dev.restoredrill.backup.source.Drills.fetch;
import static dev.restoredrill.backup.source.Drills.partFiles;
import static dev.restoredrill.backup.source.Drills.settings;
import static dev.restoredrill.backup.source.Drills.store;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each fault of an off-host source, against the real thing (the reference S3 image; the real restic program and
 * repositories), with a small valid backup set made from the catalog's fixtures ({@link FixtureBackupSet}): its
 * own message naming the source and what to do, recorded in the manifest, and the drill going on with the
 * stores it can. Nothing is written to the source.
 */
@RequiresDocker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OffHostSourceFaultsIT {
    private static final String BUCKET = "offsite";
    private static final String PREFIX = "nightly/prod";
    private static final String S3_SOURCE = "s3://" + BUCKET + "/" + PREFIX;
    private static final int PG_ROWS = 4_000; // a pg dump of about 150 kB: big enough to cut in the middle

    private final ReferenceS3 s3 = new ReferenceS3();
    @TempDir
    static Path temp; // static: filled before @BeforeAll
    private Path set;
    private Path cacheRoot;

    @BeforeAll
    void startS3AndSyncTheSet() throws Exception {
        set = FixtureBackupSet.write(temp.resolve("backups"), LocalDate.now(ZoneOffset.UTC), 3, PG_ROWS);
        s3.start().exportCredentials();
        s3.sync(set, BUCKET, PREFIX);
    }

    @AfterAll
    void stop() {
        s3.close();
    }

    @BeforeEach
    void freshCache() {
        cacheRoot = temp.resolve("cache-" + UUID.randomUUID());
    }

    private Path newest(String prefix) throws Exception {
        try (Stream<Path> files = Files.list(set)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().reduce((a, b) -> b)
                    .orElseThrow();
        }
    }

    @Test
    void unreachableEndpoint() {
        BackupManifest manifest = catalog(BackupSources.open(S3_SOURCE, settings(cacheRoot, "http://127.0.0.1:9",
                Map.of(), Optional.empty())));

        assertEveryStoreErrors(manifest, "cannot reach " + S3_SOURCE + " (endpoint http://127.0.0.1:9)",
                "check AWS_ENDPOINT_URL/-Ddrill.s3.endpoint");
    }

    @Test
    void wrongCredentials() {
        String good = System.getProperty("aws.secretAccessKey");
        System.setProperty("aws.secretAccessKey", "not-the-secret");
        try {
            BackupManifest manifest = catalog(BackupSources.open(S3_SOURCE, settings(cacheRoot, s3.endpoint(), Map.of(),
                    Optional.empty())));

            assertEveryStoreErrors(manifest, "S3 refused the credentials for " + S3_SOURCE, "HTTP 403",
                    "check AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE");
            assertThat(manifest.toJson()).doesNotContain("not-the-secret").doesNotContain(s3.secretKey);
        } finally {
            System.setProperty("aws.secretAccessKey", good);
        }
    }

    @Test
    void missingBucket() {
        BackupManifest manifest = catalog(BackupSources.open("s3://no-such-bucket/nightly",
                settings(cacheRoot, s3.endpoint(),
                Map.of(), Optional.empty())));

        assertEveryStoreErrors(manifest, "the bucket 'no-such-bucket' does not exist at s3://no-such-bucket/nightly",
                "check the bucket name");
    }

    @Test
    void missingPrefixNamesThePrefixesThatExist() {
        BackupManifest manifest = catalog(BackupSources.open("s3://" + BUCKET + "/nightly/prdo",
                settings(cacheRoot, s3.endpoint(),
                Map.of(), Optional.empty())));

        assertEveryStoreErrors(manifest, "no objects under s3://offsite/nightly/prdo",
                "the prefix 'nightly/prdo/' is empty or missing (prefixes there: nightly/prod/)");
    }

    @Test
    void downloadCutInTheMiddleIsNeverUsedAndTheOtherStoresGoOn() throws Exception {
        Map<String, String> before = s3.contents(BUCKET);
        long pgSize = Files.size(newest("pg_"));
        assertThat(pgSize).as("the newest pg dump must outweigh the listing for the cut to fall inside it")
                .isGreaterThan(20_000);
        // Cut once the answers on one connection pass half the dump: inside the dump's body, listing or not.
        try (CuttingProxy proxy = new CuttingProxy(s3.host(), s3.port(), pgSize / 2)) {
            proxy.arm();
            BackupManifest manifest = catalog(BackupSources.open(S3_SOURCE, settings(cacheRoot, proxy.endpoint(),
                    Map.of(), Optional.empty())));

            assertThat(proxy.hasCut()).isTrue();
            StoreResult postgres = store(manifest, "postgres");
            assertThat(postgres.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(postgres.error()).contains(postgres.chosen().fileName() + ": the download from " + S3_SOURCE,
                    "nothing was kept", "run the drill again");
            assertThat(fetch(manifest, "postgres").error()).isEqualTo(postgres.error());
            assertThat(Path.of(manifest.sourceDir()).resolve(postgres.chosen().fileName())).doesNotExist();
            assertThat(partFiles(Path.of(manifest.sourceDir()))).isEmpty();
            for (String other : List.of("mongodb", "clickhouse", "minio")) {
                assertThat(store(manifest, other).verdict()).as(manifest.toTable()).isEqualTo(Verdict.PASS);
            }
        }
        assertThat(s3.contents(BUCKET)).isEqualTo(before);
    }

    @Test
    void emptyRepository() throws Exception {
        ResticRepo repo = ResticRepo.init(temp.resolve("empty"), "pw-" + UUID.randomUUID());

        BackupManifest manifest = catalog(BackupSources.open(repo.source(),
                settings(cacheRoot, null, repo.environment(),
                Optional.empty())));

        assertEveryStoreErrors(manifest, "the restic repository " + repo.source() + " has no snapshots",
                "has `restic backup /backups` ever run");
    }

    @Test
    void wrongResticPassword() throws Exception {
        ResticRepo repo = ResticRepo.init(temp.resolve("wrong-pw"), "right-" + UUID.randomUUID());
        repo.backup(set);
        Path wrong = Files.writeString(temp.resolve("wrong.password"), "wrong-password-value\n");

        BackupManifest manifest = catalog(BackupSources.open(repo.source(), settings(cacheRoot, null,
                Map.of("RESTIC_PASSWORD_FILE", wrong.toString()), Optional.empty())));

        assertEveryStoreErrors(manifest, "restic cannot open " + repo.source() + ": wrong password",
                "RESTIC_PASSWORD or RESTIC_PASSWORD_FILE");
        assertThat(manifest.toJson()).doesNotContain("wrong-password-value");
    }

    @Test
    void noRepositoryThere() {
        BackupManifest manifest = catalog(BackupSources.open("restic:" + temp.resolve("nothing-here"),
                settings(cacheRoot, null, Map.of("RESTIC_PASSWORD", "x"), Optional.empty())));

        assertEveryStoreErrors(manifest, "there is no restic repository at restic:" + temp.resolve("nothing-here"));
    }

    @Test
    void lockedRepository() throws Exception {
        ResticRepo repo = ResticRepo.init(temp.resolve("locked"), "pw-" + UUID.randomUUID());
        repo.backup(set);
        // `restic key passwd` takes the repository's exclusive lock, then waits to read the new password: from
        // a fifo nobody writes to, it holds the lock for as long as the test needs.
        Path fifo = temp.resolve("new-password.fifo");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        ProcessBuilder holder = new ProcessBuilder("restic", "-r", repo.dir().toString(), "key", "passwd",
                "--new-password-file", fifo.toString()).redirectErrorStream(true)
                .redirectOutput(temp.resolve("holder.log").toFile());
        holder.environment().putAll(repo.environment());
        Process lock = holder.start();
        try {
            awaitLock(repo);

            BackupManifest manifest = catalog(BackupSources.open(repo.source(),
                    settings(cacheRoot, null, repo.environment(),
                    Optional.empty())));

            assertEveryStoreErrors(manifest, "the restic repository " + repo.source() + " is locked exclusively by"
                    + " PID " + lock.pid(), "restic -r " + repo.source() + " unlock");
        } finally {
            lock.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void fileMissingFromTheNewestSnapshotFailsThatStoreOnlyAndAnOlderSnapshotCanBeDrilled() throws Exception {
        ResticRepo repo = ResticRepo.init(temp.resolve("partial"), "pw-" + UUID.randomUUID());
        String complete = repo.backup(set);
        Path withoutMongo = Files.createDirectories(temp.resolve("partial-backups"));
        try (Stream<Path> files = Files.list(set)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().startsWith("mongo_")).toList()) {
                Files.copy(f, withoutMongo.resolve(f.getFileName()));
            }
        }
        String newest = repo.backup(withoutMongo);

        BackupManifest manifest = catalog(BackupSources.open(repo.source(),
                settings(cacheRoot, null, repo.environment(),
                Optional.empty())));

        StoreResult mongodb = store(manifest, "mongodb");
        assertThat(mongodb.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(mongodb.failures()).singleElement().asString()
                .contains("no usable backup: no file in " + repo.source() + " snapshot " + newest, "mongo_{date}.gz",
                        "The newest snapshot " + newest, "-Ddrill.snapshot=ID");
        for (String other : List.of("postgres", "clickhouse", "minio")) {
            assertThat(store(manifest, other).verdict()).as(manifest.toTable()).isEqualTo(Verdict.PASS);
        }

        BackupManifest older = catalog(BackupSources.open(repo.source(), settings(cacheRoot, null, repo.environment(),
                Optional.of(complete))));
        assertThat(older.verdict()).as(older.toTable()).isEqualTo(Verdict.PASS);
        assertThat(older.source().snapshotId()).startsWith(complete);
    }

    @Test
    void resticDumpCutInTheMiddleIsNeverUsed() throws Exception {
        ResticRepo repo = ResticRepo.init(temp.resolve("cut"), "pw-" + UUID.randomUUID());
        repo.backup(set);
        Map<String, String> before = repo.contents();
        // A fault injector around the real restic: `dump` stops after 1000 bytes and fails, as restic does when
        // the link to a remote repository (sftp:, rest:, s3:) drops mid-file.
        Path cutting = Files.writeString(temp.resolve("restic-cut.sh"), """
                #!/bin/sh
                if [ "$4" = dump ]; then
                  restic "$@" | head -c 1000
                  echo "Fatal: connection lost (injected by the test)" >&2
                  exit 1
                fi
                exec restic "$@"
                """);
        assertThat(cutting.toFile().setExecutable(true)).isTrue();

        BackupManifest manifest = catalog(BackupSources.open(repo.source(), new SourceSettings(cacheRoot,
                Optional.empty(), Optional.empty(), Optional.empty(), cutting.toString(), repo.environment(),
                ScanProgress.logging())));

        for (String name : STORES) {
            StoreResult result = store(manifest, name);
            assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(result.error()).contains(result.chosen().fileName() + ": the download from " + repo.source()
                    + " broke off after " + Math.min(1000, fetch(manifest, name).sizeBytes()) + " of "
                    + fetch(manifest, name).sizeBytes() + " bytes",
                    "restic dump failed (exit 1): Fatal: connection lost", "nothing was kept");
        }
        assertThat(cachedBackups(Path.of(manifest.sourceDir()))).isEmpty();
        assertThat(repo.contents()).isEqualTo(before);
    }

    private static void awaitLock(ResticRepo repo) throws Exception {
        for (int i = 0; i < 200; i++) {
            try (Stream<Path> locks = Files.list(repo.dir().resolve("locks"))) {
                if (locks.findAny().isPresent()) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("restic key passwd took no lock within 10 s");
    }
}
