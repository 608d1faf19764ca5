package dev.restoredrill.reference.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One HTTP request and its answer, over the JDK's HttpExchange, with what the API's handlers need. */
final class Call {

    private static final int MAX_BODY_BYTES = 1 << 20;

    private final HttpExchange exchange;
    private final List<String> pathParams;
    private final String userId;
    private int status;

    Call(HttpExchange exchange, List<String> pathParams, String userId) {
        this.exchange = exchange;
        this.pathParams = pathParams;
        this.userId = userId;
    }

    String pathParam(int index) {
        return pathParams.get(index);
    }

    /** The authenticated user's id (routes that need no token have none). */
    String userId() {
        return userId;
    }

    String query(String name) {
        String raw = exchange.getRequestURI().getRawQuery();
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                params.putIfAbsent(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return params.get(name);
    }

    JsonNode jsonBody() throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new HttpError(413, "request body larger than 1 MiB");
            }
            JsonNode node = body.length == 0 ? null : Json.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new HttpError(400, "expected a JSON object as the request body");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new HttpError(400, "the request body is not JSON: " + e.getOriginalMessage());
        }
    }

    void header(String name, String value) {
        exchange.getResponseHeaders().add(name, value);
    }

    void json(int status, Object body) throws IOException {
        send(status, "application/json; charset=utf-8", Json.bytes(body));
    }

    void text(int status, String body) throws IOException {
        send(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An error event written on a plain response, as LibreChat's handleError does in a middleware before any
     * header is set: status 200, no Content-Type, the event, end.
     */
    void errorEventWithoutStream(SseEvent event) throws IOException {
        byte[] body = event.format().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        status = 200;
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Starts a {@code text/event-stream} answer; every event is flushed as it is sent. */
    EventSink eventStream() throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
        exchange.sendResponseHeaders(200, 0);
        status = 200;
        OutputStream out = exchange.getResponseBody();
        return event -> {
            out.write(event.format().getBytes(StandardCharsets.UTF_8));
            out.flush();
        };
    }

    int status() {
        return status;
    }

    private void send(int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        this.status = status;
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
