package dev.restoredrill.verify;

import dev.restoredrill.outcome.Verdict;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.restoredrill.scenario.CheckPlan;
import dev.restoredrill.scenario.ClickHouseCheck;
import dev.restoredrill.scenario.Expectation;
import dev.restoredrill.scenario.MongoCheck;
import dev.restoredrill.scenario.S3Check;
import dev.restoredrill.scenario.Severity;
import dev.restoredrill.scenario.SqlCheck;
import dev.restoredrill.stack.DrillCredentials;
import dev.restoredrill.testsupport.ReferenceStores;
import dev.restoredrill.testsupport.RequiresDocker;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.containers.GenericContainer;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every check kind and expectation form against the real reference stores (Postgres 15, ClickHouse 18.16,
 * S3Proxy, mongo-java-server), seeded with known data: PASS and FAIL with the real numbers in the message,
 * ERROR for a missing table, and no secret anywhere in an outcome.
 */
@RequiresDocker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckRunnerIT {

    private static final Instant BACKUP_DATE = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private final ReferenceStores reference = new ReferenceStores("verify");
    private final DrillCredentials credentials = reference.credentials();
    private final GenericContainer<?> postgres = reference.postgres();
    private final GenericContainer<?> clickhouse = reference.clickhouse();
    private final GenericContainer<?> minio = reference.minio();

    private final CheckRunner runner = new CheckRunner();
    private StoreConnections stores;
    private CheckContext context;

    @BeforeAll
    void startAndSeedStores() throws Exception {
        stores = reference.start().connections();
        context = new CheckContext(stores,
                Map.of("LibreChat.users", 3L, "LibreChat.conversations", 5L),
                Map.of("postgres", BACKUP_DATE, "mongodb", BACKUP_DATE, "clickhouse", BACKUP_DATE,
                        "minio", BACKUP_DATE));
        seedPostgres();
        seedMongo();
        seedClickHouse();
        seedS3();
    }

    @AfterAll
    void stopStores() {
        reference.close();
    }

    private void seedPostgres() throws Exception {
        try (Connection admin = DriverManager.getConnection(stores.postgres().jdbcUrl("postgres"),
                credentials.postgresUser(), credentials.postgresPassword());
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE litellm");
        }
        try (Connection litellm = DriverManager.getConnection(stores.postgres().jdbcUrl("litellm"),
                credentials.postgresUser(), credentials.postgresPassword());
             Statement statement = litellm.createStatement()) {
            statement.execute("CREATE TABLE \"LiteLLM_VerificationToken\" (token text PRIMARY KEY, blocked boolean, "
                    + "expires timestamptz)");
            statement.execute("INSERT INTO \"LiteLLM_VerificationToken\" VALUES ('a', false, NULL), "
                    + "('b', NULL, now() + interval '30 days'), ('c', true, NULL), ('d', false, now() - interval '1 day')");
            statement.execute("CREATE TABLE \"LiteLLM_SpendLogs\" (request_id text PRIMARY KEY, \"startTime\" timestamp)");
            statement.execute("INSERT INTO \"LiteLLM_SpendLogs\" VALUES "
                    + "('r1', (now() AT TIME ZONE 'UTC') - interval '2 hours'), "
                    + "('r2', (now() AT TIME ZONE 'UTC') - interval '10 days')");
        }
    }

    private void seedMongo() {
        try (MongoClient client = MongoClients.create(stores.mongo().connectionString())) {
            MongoDatabase chat = client.getDatabase("LibreChat");
            chat.getCollection("users").insertMany(List.of(
                    new Document("email", "drill@example.org").append("role", "USER"),
                    new Document("email", "admin@example.org").append("role", "ADMIN"),
                    new Document("email", "ops@example.org").append("role", "USER")));
            chat.getCollection("conversations").insertMany(List.of(
                    new Document("conversationId", "c1"), new Document("conversationId", "c2"),
                    new Document("conversationId", "c3"), new Document("conversationId", "c4")));
            chat.getCollection("messages").insertMany(List.of(
                    new Document("messageId", "m1").append("createdAt", Date.from(BACKUP_DATE.minus(Duration.ofDays(3)))),
                    new Document("messageId", "m2").append("createdAt", Date.from(BACKUP_DATE.minus(Duration.ofHours(1))))
                            .append("sentAt", BACKUP_DATE.minus(Duration.ofDays(4)).toString())));
        }
    }

    private void seedClickHouse() throws Exception {
        clickhouseSql("CREATE TABLE traces (id String, timestamp DateTime, is_deleted UInt8, event_ts DateTime) "
                + "ENGINE = ReplacingMergeTree(event_ts) ORDER BY id");
        clickhouseSql("INSERT INTO traces VALUES ('t1', now() - 3600, 0, now()), ('t2', now() - 60, 0, now()), "
                + "('t3', now(), 1, now())");
        clickhouseSql("CREATE TABLE schema_migrations (version Int64, dirty UInt8, sequence UInt64) "
                + "ENGINE = MergeTree ORDER BY sequence");
        clickhouseSql("INSERT INTO schema_migrations VALUES (1, 0, 1), (2, 1, 2)");
    }

    private void clickhouseSql(String sql) throws Exception {
        String auth = credentials.clickhouseUser() + ":" + credentials.clickhousePassword();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(stores.clickhouse().baseUrl() + "/"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(sql)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private void seedS3() throws Exception {
        MinioClient client = MinioClient.builder().endpoint(stores.s3().endpoint())
                .credentials(credentials.minioUser(), credentials.minioPassword()).build();
        client.makeBucket(MakeBucketArgs.builder().bucket("langfuse").build());
        for (String key : List.of("events/p1/trace/t1/e1.json", "events/p1/trace/t2/e2.json", "exports/x.csv")) {
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            client.putObject(PutObjectArgs.builder().bucket("langfuse").object(key)
                    .stream(new ByteArrayInputStream(body), body.length, -1).build());
        }
    }

    private CheckOutcome run(CheckPlan check) {
        CheckOutcome outcome = runner.run(check, context);
        assertThat(outcome.toString()).doesNotContain(credentials.postgresPassword(),
                credentials.clickhousePassword(), credentials.minioPassword());
        return outcome;
    }

    private static Expectation expect(String phrase) {
        return Expectation.parse(phrase);
    }

    @Test
    void sqlCountsPassAndFailWithBothNumbers() {
        String activeKeys = "SELECT count(*) FROM \"LiteLLM_VerificationToken\" "
                + "WHERE blocked IS NOT TRUE AND (expires IS NULL OR expires > now())";
        CheckOutcome pass = run(new SqlCheck("keys", Severity.BLOCKER, "litellm", activeKeys, expect(">= 1")));
        assertThat(pass.verdict()).isEqualTo(Verdict.PASS);
        assertThat(pass.actual()).isEqualTo("2");
        assertThat(pass.query()).isEqualTo("[litellm] " + activeKeys);
        assertThat(pass.severity()).isEqualTo(Severity.BLOCKER);

        CheckOutcome fail = run(new SqlCheck("keys", Severity.BLOCKER, "litellm", activeKeys, expect("== 5")));
        assertThat(fail.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(fail.message()).isEqualTo("Expected == 5, found 2.");
    }

    @Test
    void sqlNewestTimestampIsJudgedAgainstTheBackupDate() {
        CheckOutcome pass = run(new SqlCheck("spend", Severity.NORMAL, "litellm",
                "SELECT max(\"startTime\") FROM \"LiteLLM_SpendLogs\"", expect("newest within 26h of the backup date")));
        assertThat(pass.verdict()).as(pass.message()).isEqualTo(Verdict.PASS);
        assertThat(Instant.parse(pass.actual())).isBetween(BACKUP_DATE.minus(Duration.ofMinutes(125)),
                BACKUP_DATE.minus(Duration.ofMinutes(115)));

        CheckOutcome fail = run(new SqlCheck("spend", Severity.NORMAL, "litellm",
                "SELECT min(\"startTime\") FROM \"LiteLLM_SpendLogs\"", expect("newest within 26h of the backup date")));
        assertThat(fail.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(fail.message()).contains(fail.actual(), BACKUP_DATE.toString(), "at most 26h")
                .containsPattern("is 23[89]h\\d*m? older");
    }

    @Test
    void aMissingTableIsAnErrorSayingSo() {
        CheckOutcome error = run(new SqlCheck("budgets", Severity.CRITICAL, "litellm",
                "SELECT count(*) FROM \"LiteLLM_BudgetTable\"", expect(">= 1")));
        assertThat(error.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(error.message()).contains("relation \"LiteLLM_BudgetTable\" does not exist", "database 'litellm'");
    }

    @Test
    void mongoCountsCompareWithTheBackupAndWithNumbers() {
        CheckOutcome users = run(new MongoCheck("users", Severity.BLOCKER, "LibreChat", "users", "{}",
                Optional.empty(), expect("== backup")));
        assertThat(users.verdict()).isEqualTo(Verdict.PASS);
        assertThat(users.actual()).isEqualTo("3");

        CheckOutcome conversations = run(new MongoCheck("conversations", Severity.CRITICAL, "LibreChat",
                "conversations", "{}", Optional.empty(), expect("== backup")));
        assertThat(conversations.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(conversations.message())
                .isEqualTo("Restored 4 documents in LibreChat.conversations, the backup holds 5 (1 lost in the restore).");

        CheckOutcome admins = run(new MongoCheck("admins", Severity.NORMAL, "LibreChat", "users",
                "{\"role\": \"ADMIN\"}", Optional.empty(), expect("== 1")));
        assertThat(admins.verdict()).isEqualTo(Verdict.PASS);
        assertThat(admins.query()).isEqualTo("LibreChat.users.countDocuments({\"role\": \"ADMIN\"})");
    }

    @Test
    void mongoNewestDateOrIsoStringIsJudgedAgainstTheBackupDate() {
        CheckOutcome fresh = run(new MongoCheck("messages", Severity.CRITICAL, "LibreChat", "messages", "{}",
                Optional.of("createdAt"), expect("newest within 26h of the backup date")));
        assertThat(fresh.verdict()).as(fresh.message()).isEqualTo(Verdict.PASS);
        assertThat(fresh.actual()).isEqualTo(BACKUP_DATE.minus(Duration.ofHours(1)).toString());

        CheckOutcome stale = run(new MongoCheck("messages", Severity.CRITICAL, "LibreChat", "messages", "{}",
                Optional.of("sentAt"), expect("newest within 1d of the backup date")));
        assertThat(stale.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(stale.message()).contains(BACKUP_DATE.minus(Duration.ofDays(4)).toString(), "is 4d older",
                "at most 1d");
    }

    @Test
    void clickhouseOverHttpPassesFailsAndReportsServerErrors() {
        CheckOutcome traces = run(new ClickHouseCheck("traces", Severity.NORMAL, "default",
                "SELECT count() FROM traces FINAL WHERE is_deleted = 0", expect(">= 1")));
        assertThat(traces.verdict()).isEqualTo(Verdict.PASS);
        assertThat(traces.actual()).isEqualTo("2");
        assertThat(traces.query()).endsWith("FORMAT TabSeparated");

        CheckOutcome dirty = run(new ClickHouseCheck("not dirty", Severity.CRITICAL, "default",
                "SELECT dirty FROM schema_migrations ORDER BY sequence DESC LIMIT 1", expect("== 0")));
        assertThat(dirty.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(dirty.message()).isEqualTo("Expected == 0, found 1.");

        CheckOutcome newest = run(new ClickHouseCheck("newest trace", Severity.NORMAL, "default",
                "SELECT max(timestamp) FROM traces", expect("newest within 1h of the backup date")));
        assertThat(newest.verdict()).as(newest.message()).isEqualTo(Verdict.PASS);

        CheckOutcome missing = run(new ClickHouseCheck("observations", Severity.NORMAL, "default",
                "SELECT count() FROM observations", expect(">= 1")));
        assertThat(missing.verdict()).isEqualTo(Verdict.ERROR);
        // ClickHouse 18.16 answers 404 for a missing table, newer servers 500/404: the text is what matters.
        assertThat(missing.message()).startsWith("ClickHouse refused the query (HTTP ")
                .contains("Code: 60", "Table default.observations doesn't exist", "Check that the table exists");
    }

    @Test
    void s3CountsObjectsAndNamesTheNewest() {
        CheckOutcome events = run(new S3Check("events", Severity.NORMAL, "langfuse", "events/", expect(">= 1")));
        assertThat(events.verdict()).isEqualTo(Verdict.PASS);
        assertThat(events.actual()).startsWith("2 objects, newest events/p1/trace/t");

        CheckOutcome fresh = run(new S3Check("events", Severity.NORMAL, "langfuse", "events/",
                expect("newest within 1h of the backup date")));
        assertThat(fresh.verdict()).as(fresh.message()).isEqualTo(Verdict.PASS);

        CheckOutcome media = run(new S3Check("media", Severity.NORMAL, "langfuse", "media/", expect(">= 1")));
        assertThat(media.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(media.actual()).isEqualTo("0 objects");
        assertThat(media.message()).isEqualTo("Expected >= 1, found 0.");

        CheckOutcome noBucket = run(new S3Check("other", Severity.NORMAL, "missing-bucket", "", expect(">= 1")));
        assertThat(noBucket.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(noBucket.message()).contains("no bucket 'missing-bucket'");
    }
}
