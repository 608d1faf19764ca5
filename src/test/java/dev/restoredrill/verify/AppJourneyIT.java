package dev.restoredrill.verify;

import dev.restoredrill.stack.PacedHealthcheckWait;
import dev.restoredrill.stack.ReferenceImages;
import dev.restoredrill.outcome.Verdict;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.restoredrill.mongoarchive.ArchiveHeader;
import dev.restoredrill.mongoarchive.ArchiveVisitor;
import dev.restoredrill.mongoarchive.CollectionMetadata;
import dev.restoredrill.mongoarchive.MongoArchiveReader;
import dev.restoredrill.mongoarchive.MongoArchiveWriter;
import dev.restoredrill.mongoarchive.Namespace;
import dev.restoredrill.scenario.JourneyPlan;
import dev.restoredrill.stack.DrillCredentials;
import dev.restoredrill.stack.ServiceEndpoint;
import dev.restoredrill.testsupport.RequiresDocker;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import io.restassured.response.Response;
import org.bson.RawBsonDocument;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mindrot.jbcrypt.BCrypt;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journey against the project's chat stand-in (restore-drill/chat-standin, LibreChat's API over the
 * restored MongoDB and Postgres; not LibreChat itself), in both chat protocols: the MongoDB is loaded from a
 * backup archive exactly as the journey then reads it, so step 3 compares real restored data with the backup. The
 * answers come from the drill's model service (restore-drill/model-standin) over HTTP, marked with its nonce.
 */
@RequiresDocker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppJourneyIT {

    private static final String OWNER_LABEL = "dev.restoredrill.owner";
    private static final String PASSWORD = "Drill-Password-" + DrillCredentials.secret(8);
    private static final String GATEWAY_KEY = "sk-drill-" + DrillCredentials.secret(20);
    private static final String NONCE = "it" + DrillCredentials.secret(6);
    private static final String ANSWER = "restored [drill model " + NONCE + "]";
    private static final Namespace USERS = new Namespace("LibreChat", "users");
    private static final Namespace CONVERSATIONS = new Namespace("LibreChat", "conversations");
    private static final Namespace MESSAGES = new Namespace("LibreChat", "messages");

    private final DrillCredentials credentials = DrillCredentials.generate();
    private final Network network = Network.builder()
            .createNetworkCmdModifier(cmd -> cmd.withLabels(Map.of(OWNER_LABEL, "verify"))).build();
    private final GenericContainer<?> mongodb = container(ReferenceImages.MONGODB, 27017, "mongodb");
    private final GenericContainer<?> postgres = container(ReferenceImages.POSTGRES, 5432, "postgres")
            .withEnv("POSTGRES_USER", credentials.postgresUser())
            .withEnv("POSTGRES_PASSWORD", credentials.postgresPassword());
    private final GenericContainer<?> model = container(ReferenceImages.MODEL, 8080, "drill-model")
            .withEnv("MODEL_STANDIN_NONCE", NONCE);
    private GenericContainer<?> twoPhase;
    private GenericContainer<?> onePhaseWithoutKey;
    private Path backup;

    private GenericContainer<?> container(String image, int port, String alias) {
        return new GenericContainer<>(DockerImageName.parse(image)).withExposedPorts(port)
                .withNetwork(network).withNetworkAliases(alias).withLabel(OWNER_LABEL, "verify")
                .waitingFor(new PacedHealthcheckWait().withStartupTimeout(Duration.ofMinutes(3)));
    }

    private GenericContainer<?> chat(String protocol, String gatewayKey) {
        return container(ReferenceImages.CHAT, 3080, "chat-" + protocol)
                .withEnv("MONGO_URI", "mongodb://mongodb:27017/LibreChat")
                .withEnv("DATABASE_URL", "postgresql://" + credentials.postgresUser() + ":"
                        + credentials.postgresPassword() + "@postgres:5432/litellm")
                .withEnv("JWT_SECRET", DrillCredentials.secret(32))
                .withEnv("LITELLM_API_KEY", gatewayKey)
                .withEnv("CHAT_PROTOCOL", protocol)
                .withEnv("MODEL_API_BASE", "http://drill-model:8080/v1")
                // The platform's own librechat.yaml, where platform.yml mounts it: the gateway as custom endpoint.
                .withCopyFileToContainer(MountableFile.forHostPath(Path.of("compose/librechat.yaml")),
                        "/app/librechat.yaml");
    }

    @BeforeAll
    void restoreBackupAndStartTheApp() throws Exception {
        Startables.deepStart(Stream.of(mongodb, postgres, model)).join();
        backup = Files.createTempDirectory("app-journey-it").resolve("mongo_2026-11-24.gz");
        writeBackup(backup);
        restoreIntoMongo(backup);
        seedGateway();
        twoPhase = chat("two-phase", GATEWAY_KEY);
        onePhaseWithoutKey = chat("one-phase", "sk-not-in-the-gateway-" + DrillCredentials.secret(12));
        Startables.deepStart(Stream.of(twoPhase, onePhaseWithoutKey)).join();
    }

    @AfterAll
    void removeEverything() throws Exception {
        if (backup != null) {
            Files.deleteIfExists(backup);
            Files.deleteIfExists(backup.getParent());
        }
        Stream.of(twoPhase, onePhaseWithoutKey, model, mongodb, postgres).filter(c -> c != null).forEach(GenericContainer::stop);
        network.close();
    }

    /** Three drill users with a conversation each (so each journey finds its own untouched), one older chat. */
    private static void writeBackup(Path file) throws Exception {
        Instant now = Instant.now();
        try (OutputStream out = Files.newOutputStream(file);
             MongoArchiveWriter writer = MongoArchiveWriter.gzip(out, ArchiveHeader.of("7.0.14", "restore-drill"))) {
            for (Namespace ns : List.of(USERS, CONVERSATIONS, MESSAGES)) {
                writer.addCollection(CollectionMetadata.collection(ns, List.of()));
            }
            for (String name : List.of("drill", "drill2", "drill3")) {
                ObjectId id = new ObjectId();
                writer.writeDocument(USERS, new BsonDocument("_id", new BsonObjectId(id))
                        .append("email", new BsonString(name + "@example.org"))
                        .append("password", new BsonString(BCrypt.hashpw(PASSWORD, BCrypt.gensalt(10))))
                        .append("provider", new BsonString("local")).append("role", new BsonString("USER"))
                        .append("emailVerified", org.bson.BsonBoolean.TRUE)
                        .append("username", new BsonString(name)));
                String user = id.toHexString();
                writeConversation(writer, user, name + "-old", "Older chat", now.minus(Duration.ofDays(9)));
                writeConversation(writer, user, name + "-new", "Quarterly numbers", now.minus(Duration.ofHours(3)));
            }
        }
    }

    private static void writeConversation(MongoArchiveWriter writer, String user, String id, String title, Instant at)
            throws Exception {
        writer.writeDocument(CONVERSATIONS, new BsonDocument("_id", new BsonObjectId(new ObjectId()))
                .append("conversationId", new BsonString(id))
                .append("user", new BsonString(user)).append("title", new BsonString(title))
                .append("endpoint", new BsonString("LiteLLM")).append("model", new BsonString("gpt-4o-mini"))
                .append("createdAt", date(at)).append("updatedAt", date(at.plusSeconds(60))));
        String parent = AppJourney.NO_PARENT;
        for (int i = 1; i <= 2; i++) {
            String messageId = id + "-m" + i;
            writer.writeDocument(MESSAGES, new BsonDocument("_id", new BsonObjectId(new ObjectId()))
                    .append("messageId", new BsonString(messageId))
                    .append("conversationId", new BsonString(id)).append("user", new BsonString(user))
                    .append("parentMessageId", new BsonString(parent))
                    .append("sender", new BsonString(i == 1 ? "User" : "Assistant"))
                    .append("text", new BsonString(i == 1 ? "How did " + title + " go?" : "Well, thanks."))
                    .append("isCreatedByUser", org.bson.BsonBoolean.valueOf(i == 1))
                    .append("createdAt", date(at.plusSeconds(30L * i))).append("updatedAt", date(at.plusSeconds(30L * i))));
            parent = messageId;
        }
    }

    private static BsonDateTime date(Instant instant) {
        return new BsonDateTime(instant.toEpochMilli());
    }

    /** What the drill's restore does, in miniature: every document of the archive into the empty MongoDB. */
    private void restoreIntoMongo(Path file) throws Exception {
        try (MongoClient client = MongoClients.create("mongodb://" + endpoint(mongodb, 27017));
             InputStream in = Files.newInputStream(file)) {
            MongoDatabase chat = client.getDatabase("LibreChat");
            MongoArchiveReader.readGzip(in, new ArchiveVisitor() {
                @Override
                public void document(Namespace ns, RawBsonDocument doc) {
                    chat.getCollection(ns.collection(), BsonDocument.class).insertOne(doc);
                }
            });
        }
    }

    private void seedGateway() throws Exception {
        try (Connection admin = DriverManager.getConnection(pg().jdbcUrl("postgres"), credentials.postgresUser(),
                credentials.postgresPassword()); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE litellm");
        }
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(GATEWAY_KEY.getBytes(StandardCharsets.UTF_8)));
        try (Connection litellm = DriverManager.getConnection(pg().jdbcUrl("litellm"), credentials.postgresUser(),
                credentials.postgresPassword()); Statement statement = litellm.createStatement()) {
            statement.execute("CREATE TABLE \"LiteLLM_VerificationToken\" (token text PRIMARY KEY, key_alias text, "
                    + "spend double precision NOT NULL DEFAULT 0, max_budget double precision, expires timestamp(3), "
                    + "blocked boolean, created_at timestamp(3) DEFAULT now(), updated_at timestamp(3) DEFAULT now())");
            statement.execute("CREATE TABLE \"LiteLLM_SpendLogs\" (request_id text PRIMARY KEY, call_type text, "
                    + "api_key text, spend double precision, total_tokens integer, prompt_tokens integer, "
                    + "completion_tokens integer, \"startTime\" timestamp(3), \"endTime\" timestamp(3), model text, "
                    + "\"user\" text, status text)");
            statement.execute("INSERT INTO \"LiteLLM_VerificationToken\" (token, key_alias, max_budget) VALUES ('"
                    + hash + "', 'drill', 100)");
        }
    }

    private StoreConnections.Postgres pg() {
        ServiceEndpoint endpoint = endpoint(postgres, 5432);
        return new StoreConnections.Postgres(endpoint.host(), endpoint.port(), credentials.postgresUser(),
                credentials.postgresPassword());
    }

    private static ServiceEndpoint endpoint(GenericContainer<?> container, int port) {
        return new ServiceEndpoint(container.getHost(), container.getMappedPort(port));
    }

    private JourneyOutcome journey(GenericContainer<?> app, String email, String password) {
        JourneyPlan plan = new JourneyPlan("librechat", "DRILL_USER_EMAIL", "DRILL_USER_PASSWORD", "LiteLLM",
                "gpt-4o-mini", JourneyPlan.DEFAULT_PROMPT, Duration.ofSeconds(30));
        JourneyOutcome outcome = new AppJourney(plan, "http://" + endpoint(app, 3080), new DrillAccount(email, password),
                stores(), new BackupConversations(backup)).run();
        assertThat(outcome.toString()).doesNotContain(PASSWORD, GATEWAY_KEY, credentials.postgresPassword());
        return outcome;
    }

    private StoreConnections stores() {
        return new StoreConnections(pg(),
                new StoreConnections.Mongo("mongodb://" + endpoint(mongodb, 27017) + "/LibreChat"),
                new StoreConnections.ClickHouse("http://127.0.0.1:9", "none", "unused-1"),
                new StoreConnections.S3("http://127.0.0.1:9", "none", "unused-2"));
    }

    @Test
    void theRestoredMongoNamesTheConversationTheAppListsAsNewest() {
        // What the drill reads the backup ahead for; the journey itself opens what the app lists.
        assertThat(NewestConversation.of(stores(), "drill2@example.org")).contains("drill2-new");
        assertThat(NewestConversation.of(stores(), "nobody@example.org")).isEmpty();
    }

    @Test
    void theTwoPhaseJourneySignsInChatsAndFindsTheChatStored() {
        JourneyOutcome outcome = journey(twoPhase, "drill@example.org", PASSWORD);

        assertThat(outcome.verdict()).as(outcome.toString()).isEqualTo(Verdict.PASS);
        assertThat(outcome.steps().get(1).message()).contains("\"Quarterly numbers\" (drill-new");
        assertThat(outcome.steps().get(2).message()).contains("2 message(s), the same ids and texts as the backup");
        assertThat(outcome.steps().get(3).message()).contains("two-phase", "endpoint LiteLLM (type custom)",
                "parent message drill-new-m2");
        assertThat(outcome.steps().get(3).exchanges().get(0).responseBody()).as("GET /api/endpoints")
                .contains("\"LiteLLM\":{\"type\":\"custom\"");
        assertThat(outcome.steps().get(4).message()).as("read from content[]").contains(ANSWER);
        assertThat(outcome.steps().get(5).message()).contains("the app lists 4 messages", "MongoDB holds");
    }

    @Test
    void theStandInAnswersAsLibreChatDoesForACustomEndpoint() throws Exception {
        String token = given().contentType("application/json").header("User-Agent", AppJourney.BROWSER_USER_AGENT)
                .body("{\"email\":\"drill3@example.org\",\"password\":\"" + PASSWORD + "\"}")
                .post("http://" + endpoint(twoPhase, 3080) + "/api/auth/login").then().statusCode(200)
                .extract().path("token");
        // Without endpointType, LiteLLM is an "Unknown endpoint" to parseCompactConvo: refused before any stream.
        Response refused = given().header("Authorization", "Bearer " + token)
                .header("User-Agent", AppJourney.BROWSER_USER_AGENT).contentType("application/json")
                .body("{\"text\":\"hello\",\"endpoint\":\"LiteLLM\",\"model\":\"gpt-4o-mini\","
                        + "\"conversationId\":\"drill3-new\",\"parentMessageId\":\"drill3-new-m2\"}")
                .post("http://" + endpoint(twoPhase, 3080) + "/api/agents/chat/LiteLLM");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.asString()).isEqualTo("event: error\ndata: {\"text\":\"Error parsing conversation\"}\n\n");

        // The journey's own chat left an answer whose words are in content[], text empty.
        JourneyOutcome outcome = journey(twoPhase, "drill3@example.org", PASSWORD);
        assertThat(outcome.verdict()).as(outcome.toString()).isEqualTo(Verdict.PASS);
        try (MongoClient client = MongoClients.create("mongodb://" + endpoint(mongodb, 27017))) {
            org.bson.Document answer = client.getDatabase("LibreChat").getCollection("messages")
                    .find(new org.bson.Document("conversationId", "drill3-new").append("isCreatedByUser", false))
                    .sort(new org.bson.Document("createdAt", -1)).first();
            assertThat(answer.getString("text")).isEmpty();
            assertThat(answer.getList("content", org.bson.Document.class)).singleElement()
                    .satisfies(part -> assertThat(part.getString("text")).isEqualTo(ANSWER));
        }
    }

    @Test
    void aMissingGatewayKeyFailsStepFiveWithTheServersErrorEvent() {
        JourneyOutcome outcome = journey(onePhaseWithoutKey, "drill2@example.org", PASSWORD);

        assertThat(outcome.steps()).extracting(JourneyStep::verdict).containsExactly(Verdict.PASS, Verdict.PASS,
                Verdict.PASS, Verdict.PASS, Verdict.FAIL, Verdict.SKIPPED);
        assertThat(outcome.steps().get(3).message()).contains("one-phase");
        assertThat(outcome.steps().get(4).message()).startsWith("The app answered with an error event: \"gateway key "
                + "rejected: no LiteLLM_VerificationToken row");
    }

    @Test
    void aWrongPasswordFailsStepOne() {
        JourneyOutcome outcome = journey(twoPhase, "drill@example.org", "wrong-" + PASSWORD);

        assertThat(outcome.steps().get(0).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(outcome.steps().get(0).message()).contains("(HTTP 401): \"Incorrect password.\"");
        assertThat(outcome.steps().subList(1, 6)).extracting(JourneyStep::verdict).containsOnly(Verdict.SKIPPED);
    }
}
