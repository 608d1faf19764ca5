package dev.restoredrill.reference.chat;

import java.util.Map;

/**
 * One server-sent event as LibreChat streams a chat: {@code event: message} with a JSON {@code data} line, the
 * last one carrying {@code final: true}; or {@code event: error} with {@code {"message": …}}.
 *
 * @param last whether the stream ends after this event (the final message, or an error)
 */
record SseEvent(String name, String data, boolean last) {

    static SseEvent message(Object payload) {
        return new SseEvent("message", Json.write(payload), false);
    }

    static SseEvent finalMessage(Object payload) {
        return new SseEvent("message", Json.write(payload), true);
    }

    static SseEvent error(String message) {
        return new SseEvent("error", Json.write(Map.of("message", message)), true);
    }

    /**
     * What LibreChat's {@code handleError(res, {text})} writes (packages/api/src/utils/events.ts): an error event
     * with {@code {"text": …}}, e.g. buildEndpointOption's "Error parsing conversation".
     */
    static SseEvent errorText(String text) {
        return new SseEvent("error", Json.write(Map.of("text", text)), true);
    }

    /** The wire form: each line of the data gets its own {@code data:} field; a blank line ends the event. */
    String format() {
        StringBuilder out = new StringBuilder("event: ").append(name).append('\n');
        for (String line : data.split("\r\n|\r|\n", -1)) {
            out.append("data: ").append(line).append('\n');
        }
        return out.append('\n').toString();
    }
}
