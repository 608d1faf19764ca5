package dev.restoredrill.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A PROTOCOL FIXTURE, not LibreChat: a few dozen lines of HTTP server that speak the subset of LibreChat's API
 * the journey uses (platform-facts.md), in either chat protocol, with switchable failures. It proves the journey's
 * protocol handling; the journey against the real service (or the project's chat stand-in) is a separate test.
 *
 * <p>As LibreChat v0.8 with the gateway as a librechat.yaml custom endpoint: {@code GET /api/endpoints} lists
 * "LiteLLM" with {@code type: "custom"}; a chat naming it without {@code endpointType} gets what
 * buildEndpointOption answers when parseCompactConvo throws "Unknown endpoint" (an error event on a plain 200
 * response, {@code {"text":"Error parsing conversation"}}); the answer keeps {@code text} empty and its words in
 * {@code content[]} (api/app/clients/BaseClient.js).
 */
final class ChatProtocolFixture implements AutoCloseable {

    enum Protocol { TWO_PHASE, ONE_PHASE }

    enum Answer { FINAL, ERROR_EVENT, SILENT }

    /** The endpoints LibreChat serves, built-in ones without a type, librechat.yaml's with "custom". */
    static final String ENDPOINTS_WITH_GATEWAY = "{\"agents\":{\"userProvide\":false,\"order\":1},"
            + "\"LiteLLM\":{\"type\":\"custom\",\"userProvide\":false,\"userProvideURL\":false,"
            + "\"modelDisplayLabel\":\"LiteLLM\",\"order\":9999}}";
    /** The built-in endpoints LibreChat knows without a type (data-provider parsers.ts, compactEndpointSchemas). */
    private static final List<String> BUILT_IN = List.of("openAI", "azureOpenAI", "custom", "assistants",
            "azureAssistants", "agents", "google", "bedrock", "anthropic");

    static final String PASSWORD = "correct horse battery";
    static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.drill-session.signature";
    static final String GATEWAY_ERROR = "No API key found for LiteLLM: sk-live-abcdef123456 was revoked";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    final Map<String, List<ObjectNode>> messages = new ConcurrentHashMap<>();
    final List<ObjectNode> conversations = new CopyOnWriteArrayList<>();
    final List<String> userAgents = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    volatile JsonNode lastChat;
    volatile Protocol protocol = Protocol.TWO_PHASE;
    volatile Answer answer = Answer.FINAL;
    volatile String userId = "u1";
    volatile String endpointsConfig = ENDPOINTS_WITH_GATEWAY;
    /** Older servers answered in {@code text}; v0.8's agents route answers in {@code content[]}. */
    volatile boolean answerInText;

    ChatProtocolFixture() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/api/auth/login", this::login);
        server.createContext("/api/convos", exchange -> authorized(exchange, () -> {
            ArrayNode list = JSON.createArrayNode();
            conversations.forEach(list::add);
            json(exchange, 200, JSON.createObjectNode().set("conversations", list));
        }));
        server.createContext("/api/messages/", exchange -> authorized(exchange, () -> {
            String id = exchange.getRequestURI().getPath().substring("/api/messages/".length());
            ArrayNode list = JSON.createArrayNode();
            messages.getOrDefault(id, List.of()).forEach(list::add);
            json(exchange, 200, list);
        }));
        server.createContext("/api/endpoints", exchange -> authorized(exchange,
                () -> json(exchange, 200, JSON.readTree(endpointsConfig))));
        server.createContext("/api/agents/chat/stream/", exchange -> authorized(exchange, () -> stream(exchange)));
        server.createContext("/api/agents/chat/", exchange -> authorized(exchange, () -> chat(exchange)));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void addConversation(String conversationId, String title, String updatedAt, ObjectNode... conversationMessages) {
        conversations.add(JSON.createObjectNode().put("conversationId", conversationId).put("title", title)
                .put("updatedAt", updatedAt).put("user", userId));
        messages.put(conversationId, new CopyOnWriteArrayList<>(List.of(conversationMessages)));
    }

    static ObjectNode message(String id, String text, String createdAt) {
        return JSON.createObjectNode().put("messageId", id).put("text", text).put("createdAt", createdAt);
    }

    private void login(HttpExchange exchange) throws IOException {
        userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        if (!PASSWORD.equals(body.path("password").asText())) {
            json(exchange, 401, JSON.createObjectNode().put("message", "Incorrect password."));
            return;
        }
        ObjectNode user = JSON.createObjectNode().put("id", userId).put("email", body.path("email").asText());
        json(exchange, 200, JSON.createObjectNode().put("token", TOKEN).set("user", user));
    }

    private void chat(HttpExchange exchange) throws IOException {
        lastChat = JSON.readTree(exchange.getRequestBody());
        if (!BUILT_IN.contains(lastChat.path("endpoint").asText()) && lastChat.path("endpointType").asText("").isEmpty()) {
            byte[] refusal = "event: error\ndata: {\"text\":\"Error parsing conversation\"}\n\n"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, refusal.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(refusal);
            }
            return;
        }
        if (protocol == Protocol.TWO_PHASE) {
            json(exchange, 200, JSON.createObjectNode().put("streamId", "stream-1")
                    .put("conversationId", lastChat.path("conversationId").asText()).put("status", "started"));
        } else {
            stream(exchange);
        }
    }

    /** The answer as events; both messages are stored before the final event, as LibreChat does. */
    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            send(out, ": connected\r\n\r\n");
            switch (answer) {
                case ERROR_EVENT -> send(out, "event: error\ndata: {\"text\":\"" + GATEWAY_ERROR + "\"}\n\n");
                case SILENT -> awaitClose();
                case FINAL -> {
                    send(out, "event: message\ndata: {\"text\":\"rest\"}\n\n");
                    String conversationId = lastChat.path("conversationId").asText();
                    ObjectNode request = message("req-1", lastChat.path("text").asText(), "2026-11-25T10:00:00Z");
                    ObjectNode response = message("resp-1", answerInText ? "restored" : "", "2026-11-25T10:00:01Z");
                    if (!answerInText) {
                        response.putArray("content").addObject().put("type", "text").put("text", "restored");
                    }
                    messages.computeIfAbsent(conversationId, id -> new CopyOnWriteArrayList<>()).addAll(
                            List.of(request, response));
                    ObjectNode done = JSON.createObjectNode().put("final", true);
                    done.set("requestMessage", request);
                    done.set("responseMessage", response);
                    // The final event's data split over two data lines, as servers may do.
                    String data = done.toString().replace(",\"responseMessage\"", "\ndata: ,\"responseMessage\"");
                    send(out, "event: message\ndata: " + data + "\n\n");
                }
            }
        }
    }

    private void awaitClose() {
        try {
            closing.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Handler {
        void handle() throws IOException;
    }

    private void authorized(HttpExchange exchange, Handler handler) throws IOException {
        userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(String.valueOf(authorization));
        if (!("Bearer " + TOKEN).equals(authorization)) {
            json(exchange, 401, JSON.createObjectNode().put("message", "Unauthorized"));
            return;
        }
        handler.handle();
    }

    private static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
