package dev.restoredrill.generate;

import dev.restoredrill.stack.PacedHealthcheckWait;
import dev.restoredrill.stack.ReferenceImages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restoredrill.mongoarchive.ArchiveSummary;
import dev.restoredrill.mongoarchive.ArchiveVisitor;
import dev.restoredrill.mongoarchive.CollectionMetadata;
import dev.restoredrill.mongoarchive.IndexSpec;
import dev.restoredrill.mongoarchive.MongoArchiveReader;
import dev.restoredrill.mongoarchive.Namespace;
import dev.restoredrill.stack.DockerCli;
import dev.restoredrill.stack.ServiceEndpoint;
import dev.restoredrill.testsupport.RequiresDocker;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

@RequiresDocker
class GeneratedBackupsIT {
    /**
     * pg_dumpall writes CREATE ROLE for every role, the dumping superuser included, so a restore with
     * ON_ERROR_STOP into a cluster whose superuser has the same name stops at "role already exists".
     * The scratch cluster therefore has another superuser; the dump creates the source's role itself.
     */
    private static final String SCRATCH_SUPERUSER = "postgres";
    private static BackupSet set;
    private static GenericContainer<?> scratch;

    @BeforeAll
    static void generate() {
        set = GeneratedBackups.small();
    }

    @AfterAll
    static void removeScratch() {
        if (scratch != null) {
            scratch.stop();
        }
    }

    @Test
    void filesAreNamedAndStampedAsTheRunbookMakesThem() throws IOException {
        LocalDate asOf = set.files().stream().map(BackupFile::day).max(LocalDate::compareTo).orElseThrow();
        List<String> names;
        try (var listing = Files.list(set.directory())) {
            names = listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(names).containsExactlyInAnyOrder(
                "clickhouse_" + asOf + ".tar.gz", DrillSecrets.FILE_NAME, "minio_" + asOf + ".tar.gz",
                "mongo_" + asOf.minusDays(2) + ".gz", "mongo_" + asOf.minusDays(1) + ".gz", "mongo_" + asOf + ".gz",
                "pg_" + asOf.minusDays(2) + ".sql.gz", "pg_" + asOf.minusDays(1) + ".sql.gz", "pg_" + asOf + ".sql.gz");
        for (BackupFile f : set.files()) {
            LocalDate stamped = Files.getLastModifiedTime(f.path()).toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
            assertThat(stamped).as(f.path().getFileName().toString()).isEqualTo(f.day());
        }
        assertThat(Files.getPosixFilePermissions(set.credentialsFile()))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void everyFilePassesGzipTest() throws Exception {
        for (BackupFile f : set.files()) {
            assertThat(run(List.of("gzip", "-t", f.path().toString())).exit).as("gzip -t " + f.path().getFileName()).isZero();
        }
    }

    @Test
    void tarballsListEntriesUnderDataAsTheRunbooksTarGives() throws Exception {
        for (String store : List.of(SourceStack.CLICKHOUSE, SourceStack.MINIO)) {
            BackupFile f = set.newest(store).orElseThrow();
            Result listing = run(List.of("tar", "tzf", f.path().toString()));
            assertThat(listing.exit).isZero();
            List<String> entries = listing.out.lines().toList();
            assertThat(entries).allSatisfy(e -> assertThat(e).startsWith("data/"));
            if (store.equals(SourceStack.CLICKHOUSE)) {
                assertThat(entries).anyMatch(e -> e.startsWith("data/data/default/traces/"))
                        .anyMatch(e -> e.equals("data/metadata/default/schema_migrations.sql"));
            } else {
                assertThat(entries).anyMatch(e -> e.matches("data/langfuse/events/[^/]+/trace/[^/]+/[^/]+\\.json"))
                        .anyMatch(e -> e.startsWith("data/langfuse/media/"));
            }
        }
    }

    @Test
    void minioSnapshotHoldsEveryObjectPutWithItsBytes() throws IOException {
        BackupFile f = set.newest(SourceStack.MINIO).orElseThrow();
        long objects = 0;
        long bytes = 0;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new BufferedInputStream(Files.newInputStream(f.path()))))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.isFile() && e.getName().startsWith("data/" + LangfuseData.BUCKET + "/")) {
                    objects++;
                    bytes += e.getSize();
                }
            }
        }
        assertThat(objects).as("objects in " + f.path().getFileName()).isEqualTo(f.contents().objects()).isPositive();
        assertThat(bytes).as("bytes of the objects in " + f.path().getFileName()).isEqualTo(f.contents().objectBytes());
    }

    @Test
    void newestPostgresDumpRestoresWithPsqlAndHoldsTheDrillKey() throws Exception {
        BackupFile newest = set.newest(SourceStack.POSTGRES).orElseThrow();
        scratch = new GenericContainer<>(DockerImageName.parse(ReferenceImages.POSTGRES))
                .withEnv(Map.of("POSTGRES_USER", SCRATCH_SUPERUSER, "POSTGRES_PASSWORD", "scratch"))
                .withLabel(ReferenceSourceStack.OWNER_KEY, "generator-test")
                .waitingFor(new PacedHealthcheckWait());
        scratch.start();

        Result restore;
        try (InputStream sql = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(newest.path())))) {
            restore = docker(List.of("exec", "-i", scratch.getContainerId(), "psql", "-q", "-v", "ON_ERROR_STOP=1",
                    "-U", SCRATCH_SUPERUSER, "-d", "postgres"), sql);
        }
        assertThat(restore.exit).as(restore.err).isZero();

        Map<String, Long> expected = newest.contents().postgresRows();
        assertThat(count("litellm", "\"LiteLLM_SpendLogs\"")).isEqualTo(expected.get("litellm.public.\"LiteLLM_SpendLogs\"")).isPositive();
        assertThat(count("langfuse", "api_keys")).isEqualTo(expected.get("langfuse.public.api_keys"));
        String drillToken = Hashes.liteLlmToken(set.credentials().gatewayKey());
        assertThat(psql("litellm", "SELECT count(*) FROM \"LiteLLM_VerificationToken\" WHERE token = '" + drillToken
                + "' AND blocked = false AND (expires IS NULL OR expires > now()) AND spend < max_budget")).isEqualTo("1");
    }

    @Test
    void olderNightsHoldAPrefixOfNewerOnes() {
        List<BackupFile> pg = set.of(SourceStack.POSTGRES);
        String spend = "litellm.public.\"LiteLLM_SpendLogs\"";
        assertThat(pg.get(0).contents().postgresRows().get(spend)).isLessThan(pg.get(2).contents().postgresRows().get(spend));
        List<BackupFile> mongo = set.of(SourceStack.MONGODB);
        assertThat(mongo.get(0).contents().mongoDocuments().get("LibreChat.messages"))
                .isLessThan(mongo.get(2).contents().mongoDocuments().get("LibreChat.messages"));
        assertThat(mongo.get(0).contents().mongoDocuments().get("LibreChat.users"))
                .isEqualTo(mongo.get(2).contents().mongoDocuments().get("LibreChat.users"));
    }

    @Test
    void mongoArchivesReadBackWithTheCountsAndIndexesTheGeneratorWrote() throws IOException {
        for (BackupFile f : set.of(SourceStack.MONGODB)) {
            Map<Namespace, List<IndexSpec>> indexes = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
            ArchiveSummary summary;
            try (InputStream in = Files.newInputStream(f.path())) {
                summary = MongoArchiveReader.readGzip(in, new ArchiveVisitor() {
                    @Override
                    public void collection(CollectionMetadata m) {
                        indexes.put(m.ns(), m.indexes());
                    }
                });
            }
            for (Map.Entry<String, Long> expected : f.contents().mongoDocuments().entrySet()) {
                assertThat(summary.documents(Namespace.parse(expected.getKey()))).as(f.path().getFileName() + " " + expected.getKey())
                        .isEqualTo(expected.getValue());
            }
            assertThat(indexes.get(new Namespace("LibreChat", "users")))
                    .anyMatch(i -> i.isUnique() && i.key().keySet().equals(Set.of("email")));
            assertThat(indexes.get(new Namespace("LibreChat", "messages")))
                    .anyMatch(i -> i.isUnique() && List.copyOf(i.key().keySet()).equals(List.of("messageId", "user")));
            // LibreChat's TTL indexes (session.ts, convo.ts, message.ts), as the dump lists them.
            assertThat(indexes.get(new Namespace("LibreChat", "sessions")))
                    .anyMatch(i -> i.ttlField().equals("expiration") && i.expireAfterSeconds().equals(OptionalLong.of(0)));
            for (String collection : List.of("conversations", "messages")) {
                assertThat(indexes.get(new Namespace("LibreChat", collection))).as(collection)
                        .anyMatch(i -> i.ttlField().equals("expiredAt") && i.expireAfterSeconds().equals(OptionalLong.of(0)));
            }
        }
    }

    @Test
    void clickhouseSnapshotStartsAndHoldsTheRowsThatWereLoaded() throws Exception {
        BackupFile snapshot = set.newest(SourceStack.CLICKHOUSE).orElseThrow();
        String volume = "restore-drill-generator-test-ch-" + System.nanoTime();
        String label = ReferenceSourceStack.OWNER_KEY + "=generator-test";
        docker(List.of("volume", "create", "--label", label, volume), null);
        GenericContainer<?> clickhouse = null;
        try {
            Result extract = docker(List.of("run", "--rm", "--label", label, "-v", volume + ":/data",
                    "-v", snapshot.path().getParent() + ":/in:ro", ReferenceImages.TINY,
                    "tar", "xzf", "/in/" + snapshot.path().getFileName(), "-C", "/"), null);
            assertThat(extract.exit).as(extract.err).isZero();
            clickhouse = new GenericContainer<>(DockerImageName.parse(ReferenceImages.CLICKHOUSE))
                    .withLabel(ReferenceSourceStack.OWNER_KEY, "generator-test")
                    .withExposedPorts(8123)
                    .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withBinds(
                            new com.github.dockerjava.api.model.Bind(volume, new com.github.dockerjava.api.model.Volume("/var/lib/clickhouse"))))
                    .waitingFor(new PacedHealthcheckWait());
            clickhouse.start();
            GenericContainer<?> started = clickhouse;
            ClickHouseHttp http = new ClickHouseHttp(() -> new ServiceEndpoint(started.getHost(), started.getMappedPort(8123)), "default", "");

            Map<String, Long> expected = snapshot.contents().clickhouseRows();
            for (String table : List.of("traces", "observations", "scores", "schema_migrations")) {
                assertThat(Long.parseLong(http.execute("SELECT count() FROM " + table).trim())).as(table)
                        .isEqualTo(expected.get("default." + table)).isPositive();
            }
            assertThat(http.execute("SELECT version, dirty FROM schema_migrations ORDER BY sequence DESC LIMIT 1").trim())
                    .isEqualTo(LangfuseData.release().newestClickHouse().orElseThrow().version() + "\t0");
        } finally {
            if (clickhouse != null) {
                clickhouse.stop();
            }
            docker(List.of("volume", "rm", "-f", volume), null);
        }
    }

    private static long count(String database, String table) throws Exception {
        return Long.parseLong(psql(database, "SELECT count(*) FROM " + table));
    }

    private static String psql(String database, String sql) throws Exception {
        Result r = docker(List.of("exec", scratch.getContainerId(), "psql", "-tA", "-v", "ON_ERROR_STOP=1",
                "-U", SCRATCH_SUPERUSER, "-d", database, "-c", sql), null);
        assertThat(r.exit).as(r.err).isZero();
        return r.out.trim();
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result docker(List<String> args, InputStream stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = DockerCli.stream(java.time.Duration.ofMinutes(30), Map.of(), args, stdin, out, err);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Result run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out, "");
    }
}
