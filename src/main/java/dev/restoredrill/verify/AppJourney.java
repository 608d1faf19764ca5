package dev.restoredrill.verify;

import dev.restoredrill.outcome.Excerpt;
import dev.restoredrill.outcome.SecretMasker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restoredrill.scenario.JourneyPlan;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The runbook's test of the restored app, against LibreChat's HTTP API: sign in, list recent conversations,
 * open the newest and compare its messages with the backup, send a chat in it, wait for the complete answer,
 * and confirm both new messages were stored (through the API and in MongoDB).
 *
 * <p>Plain request/response steps use rest-assured; sending the chat and reading its answer use
 * {@code java.net.http}, because the answer is a server-sent event stream that must be read as it arrives (both
 * LibreChat's current two-phase protocol, a JSON {@code {streamId}} then {@code GET /api/agents/chat/stream/{id}},
 * and the older one-phase protocol that streams on the POST itself).
 */
public final class AppJourney {

    /** The {@code /api/agents} routes refuse non-browser user agents ("Illegal request"). */
    public static final String BROWSER_USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    static final String NO_PARENT = "00000000-0000-0000-0000-000000000000";
    private static final int BODY_LIMIT = 64 * 1024;
    /** How much of a server's answer a step's message quotes. */
    private static final int EXCERPT = 200;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JourneyPlan plan;
    private final String baseUrl;
    private final DrillAccount account;
    private final StoredMessages storedMessages;
    private final BackupConversations backup;
    private final Clock clock;
    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private final HttpClient streamingHttp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param appBaseUrl  the restored app's API, e.g. {@code http://localhost:32781}
     * @param backup      the conversations of the mongo backup that was restored
     */
    public AppJourney(JourneyPlan plan, String appBaseUrl, DrillAccount account, StoreConnections stores,
                      BackupConversations backup) {
        this(plan, appBaseUrl, account, backup, StoredMessages.in(stores, stores.secrets()), stores.secrets(),
                Clock.systemUTC());
    }

    AppJourney(JourneyPlan plan, String appBaseUrl, DrillAccount account, BackupConversations backup,
               StoredMessages storedMessages, List<String> storeSecrets, Clock clock) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.baseUrl = appBaseUrl.replaceAll("/+$", "");
        this.account = Objects.requireNonNull(account, "account");
        this.backup = Objects.requireNonNull(backup, "backup");
        this.storedMessages = Objects.requireNonNull(storedMessages, "storedMessages");
        this.clock = clock;
        secrets.add(account.password());
        secrets.addAll(storeSecrets);
    }

    /** Runs the six steps; never throws for the app's sake: failures are in the outcome. */
    public JourneyOutcome run() {
        JourneyRecorder recorder = new JourneyRecorder(clock, secrets);
        Session session = recorder.step(JourneyStage.SIGN_IN, this::signIn).orElse(null);
        Conversation newest = recorder.step(JourneyStage.LIST_CONVERSATIONS,
                log -> newestConversation(log, session)).orElse(null);
        List<JsonNode> before = recorder.step(JourneyStage.OPEN_NEWEST,
                log -> openAndCompare(log, session, newest)).orElse(null);
        ChatStream stream = recorder.step(JourneyStage.SEND_CHAT, log -> sendChat(log, session, newest, before))
                .orElse(null);
        SentChat sent = recorder.step(JourneyStage.AWAIT_ANSWER, log -> awaitAnswer(log, stream)).orElse(null);
        recorder.step(JourneyStage.CONFIRM_STORED, log -> confirmStored(log, session, newest, before, sent));
        if (stream != null) {
            stream.reader().ifPresent(ChatStreamReader::close);
        }
        return recorder.outcome();
    }

    // Step 1 -------------------------------------------------------------------------------------------------

    private Session signIn(JourneyRecorder.StepLog log) {
        ObjectNode body = JSON.createObjectNode().put("email", account.email()).put("password", account.password());
        Response response = request(null).body(body.toString()).post("/api/auth/login");
        log.exchange(exchange("POST", "/api/auth/login", response, body.toString()));
        JsonNode json = json(response);
        if (response.statusCode() != 200) {
            throw new StepFailure("Sign-in as " + account.email() + " was refused (HTTP " + response.statusCode()
                    + "): \"" + serverMessage(json, response) + "\". Check the drill account's "
                    + plan.emailEnv() + "/" + plan.passwordEnv() + " and that the backup holds that user.");
        }
        if (json.path("twoFAPending").asBoolean(false)) {
            throw new StepFailure("Sign-in as " + account.email() + " asks for a second factor (twoFAPending): "
                    + "the drill needs an account without 2FA.");
        }
        String token = json.path("token").asText("");
        if (token.isEmpty()) {
            throw new StepFailure("Sign-in as " + account.email() + " answered HTTP 200 without a token. "
                    + "Is " + baseUrl + " LibreChat's API?");
        }
        secrets.add(token);
        JsonNode user = json.path("user");
        String userId = user.path("id").asText(user.path("_id").asText(""));
        log.passed("Signed in as " + account.email() + " (user " + userId + ").");
        return new Session(token, userId);
    }

    // Step 2 -------------------------------------------------------------------------------------------------

    private Conversation newestConversation(JourneyRecorder.StepLog log, Session session) throws IOException {
        String path = "/api/convos?limit=25&order=desc";
        Response response = request(session).get(path);
        log.exchange(exchange("GET", path, response, ""));
        requireOk(response, "listing the conversations");
        JsonNode conversations = json(response).path("conversations");
        if (!conversations.isArray() || conversations.isEmpty()) {
            long inBackup = countConversationsInBackup(session.userId());
            String backup = inBackup == 0 ? "the backup holds none for that user"
                    : "the backup holds " + inBackup + " for that user: the restore lost them";
            throw new StepFailure("The restored LibreChat lists no conversation for " + account.email() + "; "
                    + backup + ". The drill needs a recent conversation to open.");
        }
        JsonNode newest = conversations.get(0);
        for (JsonNode candidate : conversations) {
            // ISO-8601 UTC timestamps order as text.
            if (candidate.path("updatedAt").asText("").compareTo(newest.path("updatedAt").asText("")) > 0) {
                newest = candidate;
            }
        }
        Conversation conversation = new Conversation(newest.path("conversationId").asText(),
                newest.path("title").asText(""), newest.path("updatedAt").asText(""));
        log.passed(conversations.size() + " conversation(s) listed; the newest is \"" + conversation.title() + "\" ("
                + conversation.id() + ", updated " + conversation.updatedAt() + ").");
        return conversation;
    }

    private long countConversationsInBackup(String userId) throws IOException {
        return backup.countConversationsOf(userId);
    }

    // Step 3 -------------------------------------------------------------------------------------------------

    private List<JsonNode> openAndCompare(JourneyRecorder.StepLog log, Session session, Conversation conversation)
            throws IOException {
        List<JsonNode> messages = messagesOf(log, session, conversation);
        MessageComparison comparison = MessageComparison.of(backup.read(conversation.id()).messages(), messages);
        if (!comparison.same()) {
            throw new StepFailure("Conversation " + conversation.id() + " differs from the backup: "
                    + comparison.describe() + ".");
        }
        log.passed("Conversation \"" + conversation.title() + "\" opened: " + messages.size()
                + " message(s), the same ids and texts as the backup.");
        return messages;
    }

    private List<JsonNode> messagesOf(JourneyRecorder.StepLog log, Session session, Conversation conversation) {
        String path = "/api/messages/" + URLEncoder.encode(conversation.id(), StandardCharsets.UTF_8);
        Response response = request(session).get(path);
        log.exchange(exchange("GET", path, response, ""));
        requireOk(response, "opening conversation " + conversation.id());
        JsonNode array = json(response);
        if (!array.isArray()) {
            throw new StepFailure("GET " + path + " answered " + Excerpt.of(response.asString(), EXCERPT)
                    + ", expected a JSON array of messages.");
        }
        List<JsonNode> messages = new ArrayList<>();
        array.forEach(messages::add);
        return messages;
    }

    // Step 4 -------------------------------------------------------------------------------------------------

    private ChatStream sendChat(JourneyRecorder.StepLog log, Session session, Conversation conversation,
                                List<JsonNode> messages) throws IOException, InterruptedException {
        String parent = newestMessageId(messages);
        Optional<String> endpointType = endpointType(log, session);
        ObjectNode body = JSON.createObjectNode().put("text", plan.prompt()).put("endpoint", plan.endpoint());
        endpointType.ifPresent(type -> body.put("endpointType", type));
        body.put("model", plan.model()).put("conversationId", conversation.id()).put("parentMessageId", parent);
        String sent = "endpoint " + plan.endpoint() + endpointType.map(type -> " (type " + type + ")").orElse("")
                + ", parent message " + parent;
        String path = "/api/agents/chat/" + URLEncoder.encode(plan.endpoint(), StandardCharsets.UTF_8);
        HttpResponse<InputStream> response = streamingHttp.send(streamingRequest(session, path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() == 200 && contentType.startsWith("text/event-stream")) {
            log.exchange(new HttpExchange("POST", mask(path), 200, mask(body.toString()),
                    "(event stream, read in step 5)"));
            log.passed("The app answers on the request itself (one-phase protocol); " + sent + ".");
            return new ChatStream("POST", path, 200, body.toString(), ChatStreamReader.start(response.body()));
        }
        String text = readLimited(response.body());
        log.exchange(new HttpExchange("POST", mask(path), response.statusCode(), mask(body.toString()), mask(text)));
        JsonNode json = parseOrEmpty(text);
        Optional<String> refusal = errorEventIn(text);
        if (refusal.isPresent()) {
            // LibreChat's middleware answers a chat it cannot parse with an error event on a plain 200 response.
            throw new StepFailure("Sending a chat to " + plan.endpoint() + " was refused: \"" + refusal.get()
                    + "\" (HTTP " + response.statusCode() + ", " + sent + "). LibreChat answers so when it cannot "
                    + "parse the chat, e.g. a custom endpoint sent without its endpointType.");
        }
        if (response.statusCode() / 100 != 2) {
            throw new StepFailure("Sending a chat to " + plan.endpoint() + " was refused (HTTP "
                    + response.statusCode() + "): \"" + messageIn(json, text) + "\".");
        }
        String streamId = json.path("streamId").asText("");
        if (streamId.isEmpty()) {
            throw new StepFailure("POST " + path + " answered " + Excerpt.of(text, EXCERPT) + " (" + contentType
                    + "), expected {streamId, …} (two-phase protocol) or an event stream (one-phase).");
        }
        String streamPath = "/api/agents/chat/stream/" + URLEncoder.encode(streamId, StandardCharsets.UTF_8);
        HttpResponse<InputStream> stream = streamingHttp.send(streamingRequest(session, streamPath)
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (stream.statusCode() != 200) {
            String error = readLimited(stream.body());
            log.exchange(new HttpExchange("GET", mask(streamPath), stream.statusCode(), "", mask(error)));
            throw new StepFailure("Opening the answer's stream " + streamId + " was refused (HTTP "
                    + stream.statusCode() + "): \"" + messageIn(parseOrEmpty(error), error) + "\".");
        }
        log.passed("The app accepted the chat (two-phase protocol, stream " + streamId + "); " + sent + ".");
        return new ChatStream("GET", streamPath, 200, "", ChatStreamReader.start(stream.body()));
    }

    /**
     * The endpoint's type as the web client sends it, from the endpoint configuration the app serves: "custom" for
     * a librechat.yaml endpoint such as the gateway, none for a built-in one.
     */
    private Optional<String> endpointType(JourneyRecorder.StepLog log, Session session) {
        Response response = request(session).get(AppEndpoints.PATH);
        log.exchange(exchange("GET", AppEndpoints.PATH, response, ""));
        requireOk(response, "the endpoint configuration (" + AppEndpoints.PATH + ")");
        AppEndpoints endpoints = new AppEndpoints(json(response));
        if (!endpoints.offers(plan.endpoint())) {
            throw new StepFailure("The app does not offer the endpoint " + plan.endpoint() + ": "
                    + AppEndpoints.PATH + " lists " + endpoints.names() + ". Check that librechat.yaml is mounted "
                    + "and defines it under endpoints.custom (name: " + plan.endpoint() + "), or name an offered "
                    + "endpoint in the scenario's journey.endpoint.");
        }
        return endpoints.typeOf(plan.endpoint());
    }

    /** The error of a response that is an {@code event: error} written on a plain response, if it is one. */
    static Optional<String> errorEventIn(String body) {
        List<String> errors = new ArrayList<>();
        SseDecoder decoder = new SseDecoder(event -> {
            if ("error".equals(event.event())) {
                errors.add(ChatStreamReader.serverMessage(event.data()));
            }
        });
        decoder.feed(body);
        decoder.finish();
        return errors.stream().findFirst();
    }

    /** The message to answer: the newest by createdAt, else the last listed; a first message has no parent. */
    static String newestMessageId(List<JsonNode> messages) {
        JsonNode newest = null;
        for (JsonNode message : messages) {
            if (newest == null || message.path("createdAt").asText("")
                    .compareTo(newest.path("createdAt").asText("")) >= 0) {
                newest = message;
            }
        }
        return newest == null ? NO_PARENT : newest.path("messageId").asText(NO_PARENT);
    }

    // Step 5 -------------------------------------------------------------------------------------------------

    private SentChat awaitAnswer(JourneyRecorder.StepLog log, ChatStream stream) {
        ChatStreamReader reader = stream.reader().orElseThrow();
        Duration timeout = plan.answerTimeout();
        try {
            Awaitility.await("the final event of the chat's answer").atMost(timeout)
                    .pollInterval(Duration.ofMillis(100)).until(reader::isDone);
        } catch (ConditionTimeoutException e) {
            reader.close();
            throw new StepFailure("No final event within " + seconds(timeout) + " ("
                    + reader.eventCount() + " event(s) received). Check the gateway and the model's provider.");
        } finally {
            log.exchange(new HttpExchange(stream.method(), mask(stream.path()), stream.status(),
                    mask(stream.requestBody()), mask(reader.transcript())));
        }
        if (reader.error().isPresent()) {
            throw new StepFailure("The app answered with an error event: \"" + reader.error().get()
                    + "\". Check the gateway's keys and the model's provider.");
        }
        JsonNode done = reader.finalEvent().orElseThrow(() -> new StepFailure(
                "No final event: " + reader.endedWithout().orElse("the stream ended") + "."));
        JsonNode response = done.path("responseMessage");
        String requestId = done.path("requestMessage").path("messageId").asText("");
        String responseId = response.path("messageId").asText("");
        String answer = MessageText.of(response);
        if (response.path("error").asBoolean(false)) {
            throw new StepFailure("The answer is an error message: \"" + answer + "\".");
        }
        if (requestId.isEmpty() || responseId.isEmpty()) {
            throw new StepFailure("The final event lacks requestMessage.messageId or responseMessage.messageId: "
                    + Excerpt.of(done.toString(), EXCERPT) + ".");
        }
        if (answer.isBlank()) {
            throw new StepFailure("The answer " + responseId + " is empty: no text and no text part in its "
                    + "content[]: " + Excerpt.of(response.toString(), EXCERPT) + ".");
        }
        log.passed("Answer received after " + reader.eventCount() + " event(s): \"" + Excerpt.of(answer, EXCERPT) + "\".");
        return new SentChat(requestId, responseId);
    }

    // Step 6 -------------------------------------------------------------------------------------------------

    private Boolean confirmStored(JourneyRecorder.StepLog log, Session session, Conversation conversation,
                                  List<JsonNode> before, SentChat sent) {
        List<JsonNode> after = messagesOf(log, session, conversation);
        List<String> ids = after.stream().map(m -> m.path("messageId").asText()).toList();
        List<String> missing = new ArrayList<>();
        for (String id : List.of(sent.requestId(), sent.responseId())) {
            if (!ids.contains(id)) {
                missing.add(id);
            }
        }
        if (after.size() != before.size() + 2 || !missing.isEmpty()) {
            throw new StepFailure("Expected " + (before.size() + 2) + " messages in conversation "
                    + conversation.id() + " (" + before.size() + " + the request and the answer), the app lists "
                    + after.size() + (missing.isEmpty() ? "" : "; missing " + missing) + ".");
        }
        long inMongo = storedMessages.count(List.of(sent.requestId(), sent.responseId()));
        if (inMongo != 2) {
            throw new StepFailure("Expected the request and the answer (" + sent.requestId() + ", "
                    + sent.responseId() + ") in MongoDB's " + BackupConversation.MESSAGES + ", found " + inMongo + ".");
        }
        log.passed("Both new messages are stored: the app lists " + after.size() + " messages, and MongoDB holds "
                + sent.requestId() + " and " + sent.responseId() + ".");
        return Boolean.TRUE;
    }

    // HTTP helpers -------------------------------------------------------------------------------------------

    private RequestSpecification request(Session session) {
        RequestSpecification spec = RestAssured.given()
                .config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", (int) Duration.ofSeconds(10).toMillis())
                        .setParam("http.socket.timeout", (int) REQUEST_TIMEOUT.toMillis())))
                .baseUri(baseUrl)
                .urlEncodingEnabled(false)
                .header("User-Agent", BROWSER_USER_AGENT)
                .accept(ContentType.JSON)
                .contentType(ContentType.JSON);
        return session == null ? spec : spec.header("Authorization", "Bearer " + session.token());
    }

    private HttpRequest.Builder streamingRequest(Session session, String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(plan.answerTimeout())
                .header("User-Agent", BROWSER_USER_AGENT)
                .header("Authorization", "Bearer " + session.token());
    }

    private void requireOk(Response response, String what) {
        if (response.statusCode() != 200) {
            throw new StepFailure("The app refused " + what + " (HTTP " + response.statusCode() + "): \""
                    + serverMessage(json(response), response) + "\".");
        }
    }

    private HttpExchange exchange(String method, String path, Response response, String requestBody) {
        return new HttpExchange(method, mask(path), response.statusCode(), mask(requestBody),
                mask(limit(response.asString())));
    }

    private String mask(String text) {
        return SecretMasker.of(List.copyOf(secrets)).mask(text);
    }

    private static JsonNode json(Response response) {
        return parseOrEmpty(response.asString());
    }

    private static JsonNode parseOrEmpty(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }

    private static String serverMessage(JsonNode json, Response response) {
        return messageIn(json, response.asString());
    }

    /** LibreChat's error bodies: {@code {message}}, {@code {error}} or {@code {text}}; else the raw text. */
    private static String messageIn(JsonNode json, String raw) {
        for (String field : new String[] {"message", "error", "text"}) {
            if (json.path(field).isTextual()) {
                return json.path(field).asText();
            }
        }
        return Excerpt.of(raw, EXCERPT);
    }

    private static String readLimited(InputStream body) throws IOException {
        try (body) {
            return new String(body.readNBytes(BODY_LIMIT), StandardCharsets.UTF_8);
        }
    }

    private static String limit(String text) {
        return text.length() <= BODY_LIMIT ? text : text.substring(0, BODY_LIMIT) + "\n… (cut at " + BODY_LIMIT
                + " characters)";
    }

    // Values passed between steps --------------------------------------------------------------------------

    private record Session(String token, String userId) {
        @Override
        public String toString() {
            return "Session[user=" + userId + ", token=" + SecretMasker.MASK + "]";
        }
    }

    private record Conversation(String id, String title, String updatedAt) {
    }

    private record SentChat(String requestId, String responseId) {
    }

    /** The answer's stream: how it was requested (for the evidence) and its reader. */
    private record ChatStream(String method, String path, int status, String requestBody, ChatStreamReader stream) {
        Optional<ChatStreamReader> reader() {
            return Optional.ofNullable(stream);
        }
    }

    /** Spells a timeout the way people say it: "60 s". */
    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
