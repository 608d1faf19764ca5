package dev.restoredrill.reference.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The drill's own model service: an OpenAI-compatible endpoint inside the drill stack with a deterministic answer
 * ({@link DeterministicAnswer}), so the restored gateway never calls a real provider. A STAND-IN for a model
 * provider, not a model.
 *
 * <p>Routes: {@code POST /v1/chat/completions} (also without {@code /v1}: clients append the path to an
 * {@code api_base} with or without it), stream and non-stream; {@code GET /v1/models}; {@code GET /health};
 * {@code GET /drill/stats} ({@code {completions, nonce}}: how many answers it gave, so the harness can prove the
 * journey's chat reached it). Settings: {@code PORT} (8080), {@code MODEL_STANDIN_MODELS} (the listed model ids,
 * comma-separated; any model name is answered), {@code MODEL_STANDIN_NONCE} (appended to every answer).
 */
public final class ModelStandIn {

    static final String FINGERPRINT = "restore-drill-model-standin";

    private final DeterministicAnswer answers;
    private final List<String> models;
    private final AtomicLong completions = new AtomicLong();

    ModelStandIn(DeterministicAnswer answers, List<String> models) {
        this.answers = answers;
        this.models = List.copyOf(models);
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080").strip());
        List<String> models = Arrays.stream(System.getenv().getOrDefault("MODEL_STANDIN_MODELS", "gpt-4o-mini")
                .split(",")).map(String::strip).filter(m -> !m.isEmpty()).toList();
        ModelStandIn service = new ModelStandIn(new DeterministicAnswer(System.getenv("MODEL_STANDIN_NONCE")), models);
        HttpServer server = service.serve(new InetSocketAddress(port));
        System.out.println("model stand-in listening on " + server.getAddress().getPort() + ", models " + models);
    }

    HttpServer serve(InetSocketAddress address) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return server;
    }

    long completions() {
        return completions.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().replaceAll("/+$", "");
            String method = exchange.getRequestMethod();
            if (method.equals("POST") && (path.equals("/v1/chat/completions") || path.equals("/chat/completions"))) {
                complete(exchange);
            } else if (method.equals("GET") && (path.equals("/v1/models") || path.equals("/models"))) {
                ObjectNode list = ChatCompletion.JSON.createObjectNode().put("object", "list");
                models.forEach(id -> list.withArray("data").addObject().put("id", id).put("object", "model")
                        .put("created", 0).put("owned_by", FINGERPRINT));
                json(exchange, 200, list);
            } else if (method.equals("GET") && path.equals("/health")) {
                send(exchange, 200, "text/plain", "OK");
            } else if (method.equals("GET") && path.equals("/drill/stats")) {
                json(exchange, 200, ChatCompletion.JSON.createObjectNode().put("completions", completions.get())
                        .put("nonce", answers.nonce()));
            } else {
                error(exchange, 404, "no route " + method + " " + path + "; this model stand-in serves POST "
                        + "/v1/chat/completions and GET /v1/models");
            }
        } catch (RuntimeException e) {
            System.err.println("model stand-in: " + e);
        }
    }

    private void complete(HttpExchange exchange) throws IOException {
        ChatCompletion request;
        try {
            JsonNode body = ChatCompletion.JSON.readTree(exchange.getRequestBody());
            request = ChatCompletion.parse(body, "chatcmpl-" + UUID.randomUUID().toString().replace("-", ""),
                    Instant.now().getEpochSecond());
        } catch (IOException | IllegalArgumentException e) {
            error(exchange, 400, "invalid chat completion request: " + e.getMessage());
            return;
        }
        String answer = answers.to(request.prompt());
        completions.incrementAndGet();
        System.out.println("model stand-in: answered " + request.model() + (request.stream() ? " (stream)" : ""));
        if (!request.stream()) {
            json(exchange, 200, request.response(answer));
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (String data : request.chunks(answer)) {
            out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /** OpenAI's error shape: {@code {error: {message, type, code}}}. */
    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        ObjectNode body = ChatCompletion.JSON.createObjectNode();
        body.putObject("error").put("message", message).put("type", "invalid_request_error").putNull("code");
        json(exchange, status, body);
    }

    private static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, "application/json", ChatCompletion.JSON.writeValueAsString(body));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
