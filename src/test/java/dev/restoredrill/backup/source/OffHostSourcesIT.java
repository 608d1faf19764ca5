package dev.restoredrill.backup.source;

import dev.restoredrill.backup.BackupCatalog;
import dev.restoredrill.backup.BackupLocation;
import dev.restoredrill.backup.BackupManifest;
import dev.restoredrill.backup.FetchRecord;
import dev.restoredrill.backup.Preflight;
import dev.restoredrill.backup.ScanProgress;
import dev.restoredrill.backup.StoreBackupSpec;
import dev.restoredrill.backup.StoreResult;
import dev.restoredrill.backup.Verdict;
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
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog and the pre-flight reading a generated backup set from where the runbook ships it: an S3 bucket
 * (the reference S3 image, S3Proxy) and a real restic repository made with {@code restic init} and
 * {@code restic backup}. Each source passes, names itself in the evidence and is unchanged afterwards; each
 * fault gives its own message and the drill goes on with the stores it can.
 */
@RequiresDocker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OffHostSourcesIT {
    private static final String BUCKET = "offsite";
    private static final String PREFIX = "nightly/prod";
    private static final String S3_SOURCE = "s3://" + BUCKET + "/" + PREFIX;
    private static final List<String> STORES = List.of("postgres", "mongodb", "clickhouse", "minio");

    private final String accessKey = "drill" + UUID.randomUUID().toString().substring(0, 8);
    private final String secretKey = UUID.randomUUID().toString();
    private final GenericContainer<?> s3 = new GenericContainer<>(DockerImageName.parse(
            "restore-drill/minio-s3proxy:4.1.0"))
            .withExposedPorts(9000)
            .withLabel("dev.restoredrill.owner", "offhost-sources-it")
            .withEnv("MINIO_ROOT_USER", accessKey)
            .withEnv("MINIO_ROOT_PASSWORD", secretKey)
            .waitingFor(Wait.forHealthcheck().withStartupTimeout(java.time.Duration.ofMinutes(3)));

    @TempDir
    Path temp;
    private BackupSet set;
    private S3Client admin;
    private String endpoint;
    private final Map<String, String> savedProperties = new TreeMap<>();
    private Path cacheRoot;

    @BeforeEach
    void freshCache() {
        cacheRoot = temp.resolve("cache-" + UUID.randomUUID());
    }

    @BeforeAll
    void startS3AndUploadTheSet() throws IOException {
        set = GeneratedBackups.small();
        s3.start();
        endpoint = "http://" + s3.getHost() + ":" + s3.getMappedPort(9000);
        // The drill's S3 client takes credentials from the SDK's default chain: here its system properties.
        setProperty("aws.accessKeyId", accessKey);
        setProperty("aws.secretAccessKey", secretKey);
        setProperty("aws.region", "us-east-1");
        admin = S3Client.builder().endpointOverride(URI.create(endpoint)).forcePathStyle(true)
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .build();
        admin.createBucket(b -> b.bucket(BUCKET));
        try (Stream<Path> files = Files.list(set.directory())) { // as `aws s3 sync /backups s3://offsite/nightly/prod`
            for (Path f : files.toList()) {
                admin.putObject(b -> b.bucket(BUCKET).key(PREFIX + "/" + f.getFileName()), RequestBody.fromFile(f));
            }
        }
    }

    @AfterAll
    void stop() {
        savedProperties.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
        if (admin != null) {
            admin.close();
        }
        s3.stop();
    }

    private void setProperty(String key, String value) {
        savedProperties.putIfAbsent(key, System.getProperty(key));
        System.setProperty(key, value);
    }

    private SourceSettings settings(String s3Endpoint, Map<String, String> env, Optional<String> snapshot) {
        return new SourceSettings(cacheRoot, snapshot, Optional.ofNullable(s3Endpoint), Optional.empty(),
                "restic", env, ScanProgress.logging());
    }

    private static BackupManifest catalog(BackupLocation location) {
        return new BackupCatalog(Clock.systemUTC(), ScanProgress.logging())
                .scan(location, StoreBackupSpec.runbookDefaults());
    }

    private static StoreResult store(BackupManifest manifest, String name) {
        return manifest.store(name).orElseThrow();
    }

    // ---- S3 ----

    @Test
    void s3BucketPassesFetchingOnlyTheNewestFilesAndStaysUnchanged() throws Exception {
        Map<String, String> before = bucketContents();

        BackupManifest manifest = catalog(BackupSources.open(S3_SOURCE, settings(endpoint, Map.of(),
                Optional.empty())));

        assertThat(manifest.verdict()).as(manifest.toTable()).isEqualTo(Verdict.PASS);
        assertThat(manifest.source().kind()).isEqualTo("s3");
        assertThat(manifest.source().uri()).isEqualTo(S3_SOURCE);
        assertThat(manifest.source().bucket()).isEqualTo(BUCKET);
        assertThat(manifest.source().prefix()).isEqualTo(PREFIX);
        assertThat(manifest.toTable()).contains("Source " + S3_SOURCE + ": fetched 4 file(s)");
        Map<String, String> etags = etags();
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
        assertThat(bucketContents()).isEqualTo(before);

        // A second run reuses the verified copies instead of downloading again.
        BackupManifest again = catalog(BackupSources.open(S3_SOURCE, settings(endpoint, Map.of(), Optional.empty())));
        assertThat(again.verdict()).isEqualTo(Verdict.PASS);
        assertThat(again.source().fetches()).allMatch(FetchRecord::fromCache);
        assertThat(again.source().bytesFetched()).isZero();
        assertThat(bucketContents()).isEqualTo(before);
    }

    @Test
    void preflightRunsOnAnS3Source() throws Exception {
        setProperty("drill.s3.endpoint", endpoint);
        setProperty("drill.cache", temp.resolve("preflight-cache").toString());
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
        setProperty("drill.s3.endpoint", endpoint);
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
    void unreachableEndpoint() {
        BackupManifest manifest = catalog(BackupSources.open(S3_SOURCE, settings("http://127.0.0.1:9",
                Map.of(), Optional.empty())));

        assertEveryStoreErrors(manifest, "cannot reach " + S3_SOURCE + " (endpoint http://127.0.0.1:9)",
                "check AWS_ENDPOINT_URL/-Ddrill.s3.endpoint");
    }

    @Test
    void wrongCredentials() {
        String good = System.getProperty("aws.secretAccessKey");
        System.setProperty("aws.secretAccessKey", "not-the-secret");
        try {
            BackupManifest manifest = catalog(BackupSources.open(S3_SOURCE, settings(endpoint, Map.of(),
                    Optional.empty())));

            assertEveryStoreErrors(manifest, "S3 refused the credentials for " + S3_SOURCE, "HTTP 403",
                    "check AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE");
            assertThat(manifest.toJson()).doesNotContain("not-the-secret").doesNotContain(secretKey);
        } finally {
            System.setProperty("aws.secretAccessKey", good);
        }
    }

    @Test
    void missingBucket() {
        BackupManifest manifest = catalog(BackupSources.open("s3://no-such-bucket/nightly", settings(endpoint,
                Map.of(), Optional.empty())));

        assertEveryStoreErrors(manifest, "the bucket 'no-such-bucket' does not exist at s3://no-such-bucket/nightly",
                "check the bucket name");
    }

    @Test
    void missingPrefixNamesThePrefixesThatExist() {
        BackupManifest manifest = catalog(BackupSources.open("s3://" + BUCKET + "/nightly/prdo", settings(endpoint,
                Map.of(), Optional.empty())));

        assertEveryStoreErrors(manifest, "no objects under s3://offsite/nightly/prdo",
                "the prefix 'nightly/prdo/' is empty or missing (prefixes there: nightly/prod/)");
    }

    @Test
    void downloadCutInTheMiddleIsNeverUsedAndTheOtherStoresGoOn() throws Exception {
        Map<String, String> before = bucketContents();
        try (CuttingProxy proxy = new CuttingProxy(s3.getHost(), s3.getMappedPort(9000), 40_000)) {
            proxy.arm();
            BackupManifest manifest = catalog(BackupSources.open(S3_SOURCE, settings(proxy.endpoint(),
                    Map.of(), Optional.empty())));

            assertThat(proxy.hasCut()).isTrue();
            StoreResult postgres = store(manifest, "postgres");
            assertThat(postgres.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(postgres.error()).contains(postgres.chosen().fileName() + ": the download from " + S3_SOURCE,
                    "nothing was kept", "run the drill again");
            assertThat(fetch(manifest, "postgres").error()).isEqualTo(postgres.error());
            assertThat(Path.of(manifest.sourceDir()).resolve(postgres.chosen().fileName())).doesNotExist();
            assertThat(cachedBackups(Path.of(manifest.sourceDir()))).noneMatch(n -> n.endsWith(".part"));
            for (String other : List.of("mongodb", "clickhouse", "minio")) {
                assertThat(store(manifest, other).verdict()).as(manifest.toTable()).isEqualTo(Verdict.PASS);
            }
        }
        assertThat(bucketContents()).isEqualTo(before);
    }

    // ---- restic ----

    @Test
    void resticRepositoryPassesFromItsNewestSnapshotAndStaysUnchanged() throws Exception {
        ResticRepo repo = ResticRepo.init(temp.resolve("repo"), "drill-" + UUID.randomUUID());
        String snapshot = repo.backup(set.directory());
        Map<String, String> before = repo.contents();

        BackupManifest manifest = catalog(BackupSources.open(repo.source(), settings(null, repo.environment(),
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
        setProperty("drill.restic.password-file", repo.passwordFile().toString());
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
    void emptyRepository() throws Exception {
        ResticRepo repo = ResticRepo.init(temp.resolve("empty"), "pw-" + UUID.randomUUID());

        BackupManifest manifest = catalog(BackupSources.open(repo.source(), settings(null, repo.environment(),
                Optional.empty())));

        assertEveryStoreErrors(manifest, "the restic repository " + repo.source() + " has no snapshots",
                "has `restic backup /backups` ever run");
    }

    @Test
    void wrongResticPassword() throws Exception {
        ResticRepo repo = ResticRepo.init(temp.resolve("wrong-pw"), "right-" + UUID.randomUUID());
        repo.backup(set.directory());
        Path wrong = Files.writeString(temp.resolve("wrong.password"), "wrong-password-value\n");

        BackupManifest manifest = catalog(BackupSources.open(repo.source(), settings(null,
                Map.of("RESTIC_PASSWORD_FILE", wrong.toString()), Optional.empty())));

        assertEveryStoreErrors(manifest, "restic cannot open " + repo.source() + ": wrong password",
                "RESTIC_PASSWORD or RESTIC_PASSWORD_FILE");
        assertThat(manifest.toJson()).doesNotContain("wrong-password-value");
    }

    @Test
    void noRepositoryThere() {
        BackupManifest manifest = catalog(BackupSources.open("restic:" + temp.resolve("nothing-here"),
                settings(null, Map.of("RESTIC_PASSWORD", "x"), Optional.empty())));

        assertEveryStoreErrors(manifest, "there is no restic repository at restic:" + temp.resolve("nothing-here"));
    }

    @Test
    void lockedRepository() throws Exception {
        ResticRepo repo = ResticRepo.init(temp.resolve("locked"), "pw-" + UUID.randomUUID());
        repo.backup(set.directory());
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

            BackupManifest manifest = catalog(BackupSources.open(repo.source(), settings(null, repo.environment(),
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
        String complete = repo.backup(set.directory());
        Path withoutMongo = Files.createDirectories(temp.resolve("partial-backups"));
        try (Stream<Path> files = Files.list(set.directory())) {
            for (Path f : files.filter(f -> !f.getFileName().toString().startsWith("mongo_")).toList()) {
                Files.copy(f, withoutMongo.resolve(f.getFileName()));
            }
        }
        String newest = repo.backup(withoutMongo);

        BackupManifest manifest = catalog(BackupSources.open(repo.source(), settings(null, repo.environment(),
                Optional.empty())));

        StoreResult mongodb = store(manifest, "mongodb");
        assertThat(mongodb.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(mongodb.failures()).singleElement().asString()
                .contains("no usable backup: no file in " + repo.source() + " snapshot " + newest, "mongo_{date}.gz",
                        "The newest snapshot " + newest, "-Ddrill.snapshot=ID");
        for (String other : List.of("postgres", "clickhouse", "minio")) {
            assertThat(store(manifest, other).verdict()).as(manifest.toTable()).isEqualTo(Verdict.PASS);
        }

        BackupManifest older = catalog(BackupSources.open(repo.source(), settings(null, repo.environment(),
                Optional.of(complete))));
        assertThat(older.verdict()).as(older.toTable()).isEqualTo(Verdict.PASS);
        assertThat(older.source().snapshotId()).startsWith(complete);
    }

    // ---- helpers ----

    private static void assertEveryStoreErrors(BackupManifest manifest, String... messageParts) {
        assertThat(manifest.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(manifest.source().fault()).contains(messageParts);
        for (String name : STORES) {
            assertThat(store(manifest, name).error()).isEqualTo(manifest.source().fault());
        }
        assertThat(manifest.toTable()).contains("UNAVAILABLE");
    }

    private static FetchRecord fetch(BackupManifest manifest, String store) {
        return manifest.source().fetches().stream().filter(f -> f.store().equals(store)).findFirst().orElseThrow();
    }

    private static List<String> cachedBackups(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
        }
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

    private Map<String, String> etags() {
        Map<String, String> etags = new TreeMap<>();
        admin.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents()
                .forEach(o -> etags.put(o.key(), o.eTag().replace("\"", "")));
        return etags;
    }

    /** Every object: key → size, ETag and sha256 of its bytes. */
    private Map<String, String> bucketContents() throws Exception {
        Map<String, String> contents = new TreeMap<>();
        for (S3Object o : admin.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents()) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = admin.getObject(b -> b.bucket(BUCKET).key(o.key()))) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    sha.update(buffer, 0, n);
                }
            }
            contents.put(o.key(), o.size() + " " + o.eTag() + " " + HexFormat.of().formatHex(sha.digest()));
        }
        return contents;
    }
}
