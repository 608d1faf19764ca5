package dev.restoredrill.verify;

import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.mongoarchive.ArchiveHeader;
import dev.restoredrill.mongoarchive.CollectionMetadata;
import dev.restoredrill.mongoarchive.MongoArchiveWriter;
import dev.restoredrill.mongoarchive.Namespace;
import dev.restoredrill.scenario.JourneyPlan;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journey against {@link ChatProtocolFixture} (a protocol fixture, not LibreChat): both chat protocols end
 * to end, and each failure the runbook cares about reported at the right step with the server's words, later
 * steps SKIPPED, and no secret in any step or exchange.
 */
class AppJourneyProtocolTest {

    private static final String EMAIL = "drill@example.org";
    private static final String STORE_SECRET = "mongo-store-secret-42";

    @TempDir
    Path work;
    private ChatProtocolFixture app;
    private Path backup;
    private final AtomicLong storedInMongo = new AtomicLong(-1);

    @BeforeEach
    void startFixtureAndWriteBackup() throws IOException {
        app = new ChatProtocolFixture();
        app.addConversation("c-new", "Quarterly numbers", "2026-11-23T21:10:00.000Z",
                ChatProtocolFixture.message("m1", "How did Q3 go?", "2026-11-23T21:09:00Z"),
                ChatProtocolFixture.message("m2", "Revenue grew 4%.", "2026-11-23T21:10:00Z"));
        app.addConversation("c-old", "Older", "2026-10-01T08:00:00.000Z",
                ChatProtocolFixture.message("m3", "hello", "2026-10-01T08:00:00Z"));
        backup = work.resolve("mongo_2026-11-24.gz");
        writeBackup(backup);
    }

    @AfterEach
    void stopFixture() {
        app.close();
    }

    /** The backup as mongodump would hold it: users' conversations and messages, another user's too. */
    private static void writeBackup(Path file) throws IOException {
        Namespace conversations = new Namespace("LibreChat", "conversations");
        Namespace messages = new Namespace("LibreChat", "messages");
        try (OutputStream out = Files.newOutputStream(file);
             MongoArchiveWriter writer = MongoArchiveWriter.gzip(out, ArchiveHeader.of("7.0.14", "restore-drill"))) {
            writer.addCollection(CollectionMetadata.collection(conversations, List.of()));
            writer.addCollection(CollectionMetadata.collection(messages, List.of()));
            writer.writeDocument(conversations, doc("conversationId", "c-new", "user", "u1"));
            writer.writeDocument(conversations, doc("conversationId", "c-old", "user", "u1"));
            writer.writeDocument(conversations, doc("conversationId", "c-x", "user", "someone-else"));
            writer.writeDocument(messages, doc("messageId", "m1", "conversationId", "c-new", "text", "How did Q3 go?"));
            writer.writeDocument(messages, doc("messageId", "m3", "conversationId", "c-old", "text", "hello"));
            writer.writeDocument(messages, doc("messageId", "m2", "conversationId", "c-new", "text", "Revenue grew 4%."));
        }
    }

    private static BsonDocument doc(String... keysAndValues) {
        BsonDocument document = new BsonDocument();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            document.append(keysAndValues[i], new BsonString(keysAndValues[i + 1]));
        }
        return document;
    }

    private JourneyOutcome run(String password, Duration answerTimeout) {
        return run(password, answerTimeout, new BackupConversations(backup));
    }

    private JourneyOutcome run(String password, Duration answerTimeout, BackupConversations conversations) {
        JourneyPlan plan = new JourneyPlan("librechat", "DRILL_USER_EMAIL", "DRILL_USER_PASSWORD", "LiteLLM",
                "gpt-4o-mini", JourneyPlan.DEFAULT_PROMPT, answerTimeout);
        StoredMessages mongo = ids -> storedInMongo.get() >= 0 ? storedInMongo.get()
                : app.messages.values().stream().flatMap(List::stream)
                .filter(m -> ids.contains(m.path("messageId").asText())).count();
        JourneyOutcome outcome = new AppJourney(plan, app.baseUrl(), new DrillAccount(EMAIL, password),
                conversations, mongo, List.of(STORE_SECRET), Clock.systemUTC()).run();
        assertThat(outcome.toString()).as("no secret in the outcome")
                .doesNotContain(ChatProtocolFixture.PASSWORD, ChatProtocolFixture.TOKEN, "sk-live-abcdef123456");
        return outcome;
    }

    private JourneyOutcome run() {
        return run(ChatProtocolFixture.PASSWORD, Duration.ofSeconds(10));
    }

    private static List<Verdict> verdicts(JourneyOutcome outcome) {
        return outcome.steps().stream().map(JourneyStep::verdict).toList();
    }

    @Test
    void theConversationReadAheadIsComparedWithoutAnotherPassOverTheBackup() throws IOException {
        BackupConversations conversations = new BackupConversations(backup);
        conversations.readAhead("c-new");
        Files.delete(backup); // a second pass would fail

        JourneyOutcome outcome = run(ChatProtocolFixture.PASSWORD, Duration.ofSeconds(10), conversations);

        assertThat(outcome.verdict()).as(outcome.toString()).isEqualTo(Verdict.PASS);
        assertThat(outcome.steps().get(2).message()).contains("2 message(s), the same ids and texts as the backup");
    }

    @Test
    void aWrongGuessCostsOnlyAPassOverTheBackup() throws IOException {
        BackupConversations conversations = new BackupConversations(backup);
        conversations.readAhead("c-old"); // the app's newest is c-new

        JourneyOutcome outcome = run(ChatProtocolFixture.PASSWORD, Duration.ofSeconds(10), conversations);

        assertThat(outcome.verdict()).as(outcome.toString()).isEqualTo(Verdict.PASS);
        assertThat(outcome.steps().get(2).message()).contains("2 message(s), the same ids and texts as the backup");
    }

    @ParameterizedTest
    @EnumSource(ChatProtocolFixture.Protocol.class)
    void theWholeJourneyPassesInEitherProtocol(ChatProtocolFixture.Protocol protocol) {
        app.protocol = protocol;
        JourneyOutcome outcome = run();

        assertThat(outcome.verdict()).as(outcome.toString()).isEqualTo(Verdict.PASS);
        assertThat(outcome.steps()).extracting(JourneyStep::name).containsExactly("Sign in",
                "List recent conversations", "Open the newest conversation", "Send a chat", "Wait for the answer",
                "Confirm both messages are stored");
        assertThat(outcome.steps().get(1).message()).contains("2 conversation(s)", "\"Quarterly numbers\" (c-new");
        assertThat(outcome.steps().get(2).message()).contains("2 message(s), the same ids and texts as the backup");
        assertThat(outcome.steps().get(3).message())
                .contains(protocol == ChatProtocolFixture.Protocol.TWO_PHASE ? "two-phase" : "one-phase");
        assertThat(outcome.steps().get(4).message()).as("read from the answer's content[] parts")
                .contains("\"restored\"");
        assertThat(outcome.steps().get(5).message()).contains("4 messages", "req-1", "resp-1");

        assertThat(app.lastChat.path("parentMessageId").asText()).as("answers the newest message").isEqualTo("m2");
        assertThat(app.lastChat.path("conversationId").asText()).isEqualTo("c-new");
        assertThat(app.lastChat.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(app.lastChat.path("endpoint").asText()).isEqualTo("LiteLLM");
        assertThat(app.lastChat.path("endpointType").asText()).as("as the web client sends a custom endpoint")
                .isEqualTo("custom");
        assertThat(outcome.steps().get(3).message()).contains("endpoint LiteLLM (type custom)");
        assertThat(outcome.steps().get(3).exchanges().get(0).url()).isEqualTo("/api/endpoints");
        assertThat(app.userAgents).allMatch(ua -> ua.startsWith("Mozilla/5.0") && ua.contains("Chrome/"));
        assertThat(app.authorizations).allMatch(header -> header.equals("Bearer " + ChatProtocolFixture.TOKEN));

        HttpExchange login = outcome.steps().get(0).exchanges().get(0);
        assertThat(login.requestBody()).contains("\"password\":\"******\"", EMAIL);
        assertThat(login.responseBody()).contains("\"token\":\"******\"");
        HttpExchange answer = outcome.steps().get(4).exchanges().get(0);
        assertThat(answer.responseBody()).contains("\"final\":true", "resp-1");
    }

    @Test
    void anAnswerInTextAsOlderServersSendItIsReadToo() {
        app.answerInText = true;
        JourneyOutcome outcome = run();

        assertThat(outcome.verdict()).as(outcome.toString()).isEqualTo(Verdict.PASS);
        assertThat(outcome.steps().get(4).message()).contains("\"restored\"");
    }

    @Test
    void aChatNamingACustomEndpointWithoutItsTypeIsRefusedAsLibreChatRefusesIt() {
        // An app whose endpoint config lists LiteLLM without its type: the journey has no type to send.
        app.endpointsConfig = "{\"agents\":{},\"LiteLLM\":{\"userProvide\":false}}";
        JourneyOutcome outcome = run();

        assertThat(app.lastChat.has("endpointType")).isFalse();
        JourneyStep send = outcome.steps().get(3);
        assertThat(send.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(send.message()).isEqualTo("Sending a chat to LiteLLM was refused: \"Error parsing conversation\" "
                + "(HTTP 200, endpoint LiteLLM, parent message m2). LibreChat answers so when it cannot parse the chat, "
                + "e.g. a custom endpoint sent without its endpointType.");
        assertThat(outcome.steps().subList(4, 6)).extracting(JourneyStep::verdict).containsOnly(Verdict.SKIPPED);
    }

    @Test
    void anEndpointTheAppDoesNotOfferFailsStepFourNamingWhatItOffers() {
        app.endpointsConfig = "{\"agents\":{\"order\":1}}";
        JourneyOutcome outcome = run();

        JourneyStep send = outcome.steps().get(3);
        assertThat(send.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(send.message()).startsWith("The app does not offer the endpoint LiteLLM: /api/endpoints lists "
                + "[agents]. Check that librechat.yaml is mounted");
        assertThat(app.lastChat).as("no chat sent").isNull();
    }

    @Test
    void aWrongPasswordFailsStepOneWithTheServersWordsAndSkipsTheRest() {
        JourneyOutcome outcome = run("not the password", Duration.ofSeconds(10));

        assertThat(verdicts(outcome)).containsExactly(Verdict.FAIL, Verdict.SKIPPED, Verdict.SKIPPED,
                Verdict.SKIPPED, Verdict.SKIPPED, Verdict.SKIPPED);
        JourneyStep signIn = outcome.steps().get(0);
        assertThat(signIn.message()).contains("Sign-in as " + EMAIL + " was refused (HTTP 401): \"Incorrect password.\"");
        assertThat(signIn.exchanges()).singleElement().satisfies(exchange -> {
            assertThat(exchange.status()).isEqualTo(401);
            assertThat(exchange.requestBody()).doesNotContain("not the password");
        });
        assertThat(outcome.steps().get(3).message()).isEqualTo("Skipped: step 1 (Sign in) did not pass.");
        assertThat(outcome.firstFailure()).contains(signIn);
    }

    @Test
    void noConversationFailsStepTwoSayingWhatTheBackupHolds() {
        app.conversations.clear();
        app.userId = "u-without-chats";
        JourneyOutcome none = run();
        assertThat(none.steps().get(1).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(none.steps().get(1).message()).isEqualTo("The restored LibreChat lists no conversation for "
                + EMAIL + "; the backup holds none for that user. The drill needs a recent conversation to open.");

        app.userId = "u1";
        JourneyOutcome lost = run();
        assertThat(lost.steps().get(1).message()).contains("the backup holds 2 for that user: the restore lost them");
    }

    @Test
    void aConversationThatDiffersFromTheBackupFailsStepThree() {
        app.messages.put("c-new", new java.util.concurrent.CopyOnWriteArrayList<>(List.of(
                ChatProtocolFixture.message("m1", "How did Q3 go??", "2026-11-23T21:09:00Z"))));
        JourneyOutcome outcome = run();

        assertThat(outcome.steps().get(2).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(outcome.steps().get(2).message()).isEqualTo("Conversation c-new differs from the backup: the backup "
                + "holds 2 message(s), the app lists 1; missing [m2]; text differs for [m1].");
        assertThat(verdicts(outcome).subList(3, 6)).containsOnly(Verdict.SKIPPED);
    }

    @ParameterizedTest
    @EnumSource(ChatProtocolFixture.Protocol.class)
    void anErrorEventFailsStepFiveWithTheServersMessage(ChatProtocolFixture.Protocol protocol) {
        app.protocol = protocol;
        app.answer = ChatProtocolFixture.Answer.ERROR_EVENT;
        JourneyOutcome outcome = run();

        JourneyStep wait = outcome.steps().get(4);
        assertThat(wait.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(wait.message()).isEqualTo("The app answered with an error event: \"No API key found for LiteLLM: "
                + "sk-****** was revoked\". Check the gateway's keys and the model's provider.");
        assertThat(wait.exchanges().get(0).responseBody()).contains("event: error").doesNotContain("sk-live");
        assertThat(outcome.steps().get(5).verdict()).isEqualTo(Verdict.SKIPPED);
    }

    @Test
    void noFinalEventWithinTheTimeoutFailsStepFive() {
        app.answer = ChatProtocolFixture.Answer.SILENT;
        long start = System.nanoTime();
        JourneyOutcome outcome = run(ChatProtocolFixture.PASSWORD, Duration.ofSeconds(2));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        JourneyStep wait = outcome.steps().get(4);
        assertThat(wait.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(wait.message()).startsWith("No final event within 2 s (0 event(s) received).");
        assertThat(wait.elapsed()).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(10));
        assertThat(outcome.steps().get(5).message()).isEqualTo("Skipped: step 5 (Wait for the answer) did not pass.");
    }

    @Test
    void messagesTheAppListsButMongoDoesNotHoldFailStepSix() {
        storedInMongo.set(0);
        JourneyOutcome outcome = run();

        assertThat(verdicts(outcome)).containsExactly(Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.PASS,
                Verdict.PASS, Verdict.FAIL);
        assertThat(outcome.steps().get(5).message()).isEqualTo("Expected the request and the answer (req-1, resp-1) "
                + "in MongoDB's LibreChat.messages, found 0.");
        assertThat(outcome.verdict()).isEqualTo(Verdict.FAIL);
    }
}
