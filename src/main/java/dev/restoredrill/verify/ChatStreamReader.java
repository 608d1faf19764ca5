package dev.restoredrill.verify;

import dev.restoredrill.concurrent.DaemonThreads;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a chat answer's event stream on its own thread until the final event, an {@code error} event or the
 * end of the stream, so the journey can wait for it with a timeout. Keeps only the final event's data and a
 * bounded transcript for the evidence.
 */
final class ChatStreamReader implements AutoCloseable {

    static final int TRANSCRIPT_LIMIT = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InputStream stream;
    private final StringBuilder transcript = new StringBuilder();
    private final AtomicInteger events = new AtomicInteger();
    private volatile JsonNode finalEvent;
    private volatile String errorMessage;
    private volatile String endedWithout;
    private volatile boolean done;

    private ChatStreamReader(InputStream stream) {
        this.stream = stream;
    }

    /** Starts reading {@code stream} (UTF-8 {@code text/event-stream}) on a daemon thread. */
    static ChatStreamReader start(InputStream stream) {
        ChatStreamReader reader = new ChatStreamReader(stream);
        DaemonThreads.start("chat-stream-reader", reader::readAll);
        return reader;
    }

    private void readAll() {
        SseDecoder decoder = new SseDecoder(this::onEvent);
        char[] buffer = new char[8192];
        try (Reader text = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            int read;
            while (!done && (read = text.read(buffer)) >= 0) {
                String chunk = new String(buffer, 0, read);
                appendTranscript(chunk);
                decoder.feed(chunk);
            }
            decoder.finish();
            if (!done) {
                endedWithout = "the stream ended after " + events.get() + " event(s) without a final event";
            }
        } catch (IOException e) {
            if (!done) {
                endedWithout = "the stream broke after " + events.get() + " event(s): " + e.getMessage();
            }
        } finally {
            done = true;
        }
    }

    private void onEvent(SseEvent event) {
        events.incrementAndGet();
        if ("error".equals(event.event())) {
            errorMessage = serverMessage(event.data());
            done = true;
            return;
        }
        JsonNode data = parse(event.data());
        if (data != null && data.path("final").asBoolean(false)) {
            finalEvent = data;
            done = true;
        }
    }

    /** The human part of an error event: LibreChat sends {@code {text}} or {@code {message}}; else the data. */
    static String serverMessage(String data) {
        JsonNode json = parse(data);
        if (json != null && json.isObject()) {
            for (String field : new String[] {"text", "message", "error"}) {
                if (json.path(field).isTextual()) {
                    return json.path(field).asText();
                }
            }
        }
        return data;
    }

    private static JsonNode parse(String data) {
        try {
            return JSON.readTree(data);
        } catch (IOException notJson) {
            return null;
        }
    }

    private synchronized void appendTranscript(String chunk) {
        int room = TRANSCRIPT_LIMIT - transcript.length();
        if (room > 0) {
            transcript.append(chunk, 0, Math.min(room, chunk.length()));
            if (chunk.length() > room) {
                transcript.append("\n… (transcript cut at ").append(TRANSCRIPT_LIMIT).append(" characters)");
            }
        }
    }

    boolean isDone() {
        return done;
    }

    Optional<JsonNode> finalEvent() {
        return Optional.ofNullable(finalEvent);
    }

    Optional<String> error() {
        return Optional.ofNullable(errorMessage);
    }

    /** Why the stream ended without a final or error event, when it did. */
    Optional<String> endedWithout() {
        return Optional.ofNullable(endedWithout);
    }

    int eventCount() {
        return events.get();
    }

    synchronized String transcript() {
        return transcript.toString();
    }

    /** Stops reading (closing the stream cancels the HTTP request). */
    @Override
    public void close() {
        done = true;
        try {
            stream.close();
        } catch (IOException ignored) {
            // the stream is abandoned either way
        }
    }
}
