package dev.restoredrill.verify;

import dev.restoredrill.store.StoreType;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.restoredrill.backup.BackupCatalog;
import dev.restoredrill.backup.PgDumpFacts;
import dev.restoredrill.backup.ScanProgress;
import dev.restoredrill.backup.StoreResult;
import dev.restoredrill.stack.DrillCredentials;
import dev.restoredrill.testsupport.ReferenceStores;
import dev.restoredrill.testsupport.RequiresDocker;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;

/**
 * The engine-native integrity probes against the reference images (real Postgres 15 and ClickHouse 18.16,
 * the S3Proxy and mongo-java-server stand-ins), each first on sound data and then on data damaged in the test:
 * an index that no longer matches its table (counts still equal), a ClickHouse column file with a broken
 * block checksum, objects changed and removed in the store. Also: a real pg_dumpall of tricky content passes
 * the catalog's hostile-SQL reading.
 */
@RequiresDocker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the Postgres counts assume the dump test's database is not there yet
class IntegrityProbesIT {


    private final ReferenceStores reference = new ReferenceStores("integrity");
    private final DrillCredentials credentials = reference.credentials();
    private final GenericContainer<?> postgres = reference.postgres();
    private final GenericContainer<?> clickhouse = reference.clickhouse();
    private final GenericContainer<?> minio = reference.minio();

    private StoreConnections stores;

    @TempDir
    Path work;

    @BeforeAll
    void startStores() {
        stores = reference.start().connections();
    }

    @AfterAll
    void stopStores() {
        reference.close();
    }

    private void sql(String database, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(stores.postgres().jdbcUrl(database),
                credentials.postgresUser(), credentials.postgresPassword());
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private long count(String database, String table) throws Exception {
        try (Connection connection = DriverManager.getConnection(stores.postgres().jdbcUrl(database),
                credentials.postgresUser(), credentials.postgresPassword());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    @Order(1)
    void postgresAmcheckFindsAnIndexThatNoLongerMatchesItsTableWhileCountsAndTheFullReadStillPass()
            throws Exception {
        sql("postgres", "CREATE DATABASE shop");
        sql("shop",
                "CREATE FUNCTION public.fingerprint(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT md5($1) $$",
                "CREATE TABLE public.tokens (id int PRIMARY KEY, token text NOT NULL, note text)",
                // notes of ~6 kB of hex: stored out of line (TOAST), so the full read detoasts them
                "INSERT INTO public.tokens SELECT i, 'tok-' || i, (SELECT string_agg(md5(i::text || j::text), '')"
                        + " FROM generate_series(1, 200) j) FROM generate_series(1, 500) i",
                "CREATE INDEX tokens_fingerprint_idx ON public.tokens (public.fingerprint(token))",
                // a unique index built concurrently over duplicates fails and stays behind, invalid
                "CREATE TABLE public.dup (v int)", "INSERT INTO public.dup VALUES (1), (1)");
        try {
            sql("shop", "CREATE UNIQUE INDEX CONCURRENTLY dup_v ON public.dup (v)");
        } catch (java.sql.SQLException expected) {
            assertThat(expected.getMessage()).contains("could not create unique index");
        }
        PostgresIntegrity probe = new PostgresIntegrity(stores.postgres(), stores.secrets());

        IntegrityResult sound = probe.amcheck();

        assertThat(sound.status()).as(sound.message()).isEqualTo(IntegrityResult.Status.PASS);
        // postgres, the entrypoint's POSTGRES_DB (named after the user) and shop; never the templates
        assertThat(sound.counted().get("databases")).isEqualTo(3);
        assertThat(sound.counted().get("B-tree indexes checked")).isGreaterThan(100L); // system catalogs and TOAST included
        assertThat(sound.counted().get("indexes skipped")).isEqualTo(1);
        assertThat(sound.notes()).singleElement().asString()
                .contains("database \"shop\": index public.dup_v on public.dup skipped: invalid or not ready");

        // The index now disagrees with its table, as after a collation change or a torn write to its file:
        // its entries were computed by the old function.
        sql("shop", "CREATE OR REPLACE FUNCTION public.fingerprint(text) RETURNS text LANGUAGE sql IMMUTABLE"
                + " AS $$ SELECT upper(md5($1)) $$");

        IntegrityResult damaged = probe.amcheck();
        IntegrityResult read = probe.readAllRows();

        assertThat(count("shop", "public.tokens")).isEqualTo(500); // counts alone would pass
        assertThat(damaged.status()).isEqualTo(IntegrityResult.Status.FAIL);
        assertThat(damaged.failures()).singleElement().asString()
                .startsWith("database \"shop\": index public.tokens_fingerprint_idx on table public.tokens is corrupt:")
                .contains("lacks matching index tuple");
        assertThat(damaged.message()).contains("postgres " + PostgresIntegrity.AMCHECK + ": FAIL - ");
        assertThat(read.status()).as(read.message()).isEqualTo(IntegrityResult.Status.PASS);
        assertThat(read.counted().get("tables read")).isEqualTo(2);
        assertThat(read.counted().get("rows read")).isEqualTo(502);
        assertThat(read.counted().get("bytes read")).isGreaterThan(500L * 6000);
        assertThat(read.lookedAt()).matches("3 databases, 2 tables read, 502 rows read, [0-9,]+ bytes read in"
                + " [0-9.]+ s");
        assertThat(damaged.toString() + read).doesNotContain(credentials.postgresPassword());
    }

    @Test
    @Order(2)
    void aRealPgDumpallOfTrickyContentIsNotTakenForHostile(@TempDir Path backups) throws Exception {
        sql("postgres", "CREATE DATABASE tricky");
        sql("tricky",
                "CREATE FUNCTION public.quoted(t text) RETURNS text LANGUAGE plpgsql AS $body$\n"
                        + "BEGIN\n"
                        + "  -- \\! not a meta-command inside a function body, nor does ' open a string\n"
                        + "  RETURN replace(t, '\\', '\\\\') || $x$ it's $x$;\n"
                        + "END\n$body$",
                "CREATE TABLE public.notes (id int, body text)",
                "INSERT INTO public.notes VALUES (1, E'\\\\! id'), (2, E'line one\\n\\\\o /tmp/x'), (3, E'tab\\there'),"
                        + " (4, '\\.'), (5, NULL), (6, E'\\\\connect x')",
                "COMMENT ON TABLE public.notes IS E'a comment with \\\\i /etc/passwd and a quote '' in it'");
        String file = "pg_" + LocalDate.now(ZoneOffset.UTC) + ".sql.gz";
        Container.ExecResult dump = postgres.execInContainer("sh", "-c", "PGPASSWORD=\"$POSTGRES_PASSWORD\""
                + " pg_dumpall -h 127.0.0.1 -U \"$POSTGRES_USER\" | gzip > /tmp/" + file);
        assertThat(dump.getExitCode()).as(dump.getStderr()).isZero();
        postgres.copyFileFromContainer("/tmp/" + file, backups.resolve(file).toString());

        StoreResult result = BackupCatalog.scan(backups, List.of(StoreType.POSTGRES.backupSpec()),
                Clock.systemUTC(), ScanProgress.silent()).stores().get(0);

        assertThat(result.failures()).isEmpty();
        PgDumpFacts facts = (PgDumpFacts) result.facts();
        assertThat(facts.hostile()).isFalse();
        assertThat(facts.restrictMarkers()).isPositive(); // 15.14 and later write \restrict
        assertThat(facts.databases()).filteredOn(d -> d.name().equals("tricky")).singleElement()
                .satisfies(d -> assertThat(d.tables()).extracting(PgDumpFacts.Table::table, PgDumpFacts.Table::rows)
                        .contains(org.assertj.core.groups.Tuple.tuple("notes", 6L)));
    }

    private String clickhouseSql(String sql) throws Exception {
        String auth = credentials.clickhouseUser() + ":" + credentials.clickhousePassword();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(stores.clickhouse().baseUrl() + "/"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(sql)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void clickhouseFullReadCountsRowsAndFindsABrokenPartAndCheckTableIsNotAPassWhereUnsupported()
            throws Exception {
        clickhouseSql("CREATE TABLE traces (id String, ts DateTime, body String) ENGINE = MergeTree ORDER BY id");
        clickhouseSql("INSERT INTO traces SELECT toString(number), now(), concat('body of trace ', toString(number),"
                + " ' xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx') FROM system.numbers LIMIT 1000");
        clickhouseSql("CREATE TABLE events_log (id UInt64) ENGINE = Log");
        clickhouseSql("INSERT INTO events_log SELECT number FROM system.numbers LIMIT 10");
        clickhouseSql("CREATE VIEW recent AS SELECT id FROM traces");
        ClickHouseIntegrity probe = new ClickHouseIntegrity(stores.clickhouse(), stores.secrets(),
                Duration.ofMinutes(5));

        IntegrityResult check = probe.checkTables();
        IntegrityResult read = probe.readAll();

        // ClickHouse 18.16 has CHECK TABLE only for the Log family: "not supported", never a pass
        assertThat(check.status()).as(check.message()).isEqualTo(IntegrityResult.Status.NOT_SUPPORTED);
        assertThat(check.status().passed()).isFalse();
        assertThat(check.message()).contains("not supported by this server (not counted as passed)",
                "CHECK TABLE default.traces (MergeTree): not supported by this server");
        assertThat(read.status()).as(read.message()).isEqualTo(IntegrityResult.Status.PASS);
        assertThat(read.counted()).containsEntry("tables read", 2L).containsEntry("rows read", 1010L)
                .containsEntry("tables skipped", 1L);
        assertThat(read.notes()).singleElement().asString().contains("default.recent (View)");

        // break the checksum of every compressed block of one column of the part on disk
        Container.ExecResult damage = clickhouse.execInContainer("sh", "-c",
                "for f in $(find /var/lib/clickhouse/data/default/traces -name 'body.bin'); do"
                        + " dd if=/dev/zero of=$f bs=1 count=8 conv=notrunc 2>/dev/null; echo $f; done");
        assertThat(damage.getStdout()).as(damage.getStderr()).contains("body.bin");

        IntegrityResult broken = probe.readAll();

        assertThat(broken.status()).as(broken.message()).isEqualTo(IntegrityResult.Status.FAIL);
        assertThat(broken.failures()).singleElement().asString()
                .startsWith("default.traces cannot be read in full (1000 rows counted): ")
                .containsIgnoringCase("checksum");
    }

    @Test
    void mongoValidateRunsOnEveryCollectionAndCountsWhatTheServerSays() {
        try (MongoClient client = MongoClients.create(stores.mongo().connectionString())) {
            client.getDatabase("LibreChat").getCollection("users").insertOne(new Document("email", "a@example.org"));
        }

        IntegrityResult result = new MongoValidation(stores.mongo(), stores.secrets()).validate();

        // mongo-java-server answers validate itself (measured here: valid, with its counts); a server without
        // the command would make this NOT_SUPPORTED (IntegrityResultTest)
        assertThat(result.status()).as(result.message()).isEqualTo(IntegrityResult.Status.PASS);
        assertThat(result.counted()).containsEntry("databases", 1L).containsEntry("collections validated", 1L)
                .containsEntry("documents", 1L).containsEntry("collections not supported", 0L);
    }

    @Test
    void s3ObjectsAreComparedWithTheBackupBySizeAndChecksumAndASampleIsStated() throws Exception {
        MinioClient client = MinioClient.builder().endpoint(stores.s3().endpoint())
                .credentials(credentials.minioUser(), credentials.minioPassword()).build();
        client.makeBucket(MakeBucketArgs.builder().bucket("langfuse").build());
        for (String key : List.of("events/p1/trace/t1/e1.json", "events/p1/trace/t2/e2.json", "media/m1.png")) {
            put(client, key, "{\"key\":\"" + key + "\"}");
        }
        // the backup: the runbook's tar of the volume, taken here from the running store's /data
        Container.ExecResult tar = minio.execInContainer("tar", "czf", "/tmp/minio.tar.gz", "/data");
        assertThat(tar.getExitCode()).as(tar.getStderr()).isZero();
        Path tarball = work.resolve("minio.tar.gz");
        minio.copyFileFromContainer("/tmp/minio.tar.gz", tarball.toString());
        S3ObjectVerification verification = new S3ObjectVerification(stores.s3(), stores.secrets());

        IntegrityResult sound = verification.verify(tarball, 3, 1000);

        assertThat(sound.status()).as(sound.message()).isEqualTo(IntegrityResult.Status.PASS);
        assertThat(sound.counted()).containsEntry("objects in backup", 3L).containsEntry("objects verified", 3L)
                .containsEntry("checksums compared", 6L);

        IntegrityResult sample = verification.verify(tarball, 3, 1);
        assertThat(sample.notes()).anySatisfy(n -> assertThat(n).startsWith("sampled: about 1 of 3 objects"));
        assertThat(sample.counted().get("objects verified")).isLessThan(3);

        String e1 = "events/p1/trace/t1/e1.json";
        put(client, e1, "{\"key\":\"" + e1.replace('1', '9') + "\"}"); // same size, other bytes
        client.removeObject(RemoveObjectArgs.builder().bucket("langfuse").object("media/m1.png").build());

        IntegrityResult damaged = verification.verify(tarball, 3, 1000);

        assertThat(damaged.status()).isEqualTo(IntegrityResult.Status.FAIL);
        assertThat(damaged.failures()).hasSize(2)
                .anySatisfy(f -> assertThat(f).startsWith("s3://langfuse/" + e1 + ": content differs from the backup"))
                .anySatisfy(f -> assertThat(f).startsWith("s3://langfuse/media/m1.png is in the backup but the"
                        + " restored store does not serve it"));
        assertThat(damaged.toString()).doesNotContain(credentials.minioPassword());
    }

    private static void put(MinioClient client, String key, String content) throws Exception {
        byte[] body = content.getBytes(StandardCharsets.UTF_8);
        client.putObject(PutObjectArgs.builder().bucket("langfuse").object(key)
                .stream(new ByteArrayInputStream(body), body.length, -1).build());
    }
}
