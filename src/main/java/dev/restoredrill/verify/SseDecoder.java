package dev.restoredrill.verify;

import java.util.function.Consumer;

/**
 * Decodes a {@code text/event-stream} as the HTML standard specifies, from text arriving in arbitrary chunks:
 * lines end in CRLF, LF or CR (a CR at a chunk's end waits for a possible LF); {@code :} lines are comments;
 * {@code data} lines accumulate; a blank line dispatches the event. Holds one event's text at most.
 */
public final class SseDecoder {

    private final Consumer<SseEvent> listener;
    private final StringBuilder line = new StringBuilder();
    private final StringBuilder data = new StringBuilder();
    private String eventType = "";
    private String lastEventId = "";
    private boolean dataSeen;
    private boolean afterCr;

    public SseDecoder(Consumer<SseEvent> listener) {
        this.listener = listener;
    }

    /** Feeds the next chunk of the stream's text. */
    public void feed(CharSequence chunk) {
        for (int i = 0; i < chunk.length(); i++) {
            char c = chunk.charAt(i);
            if (afterCr && c == '\n') {
                afterCr = false; // the LF of a CRLF already ended the line
                continue;
            }
            afterCr = c == '\r';
            if (c == '\r' || c == '\n') {
                processLine(line.toString());
                line.setLength(0);
            } else {
                line.append(c);
            }
        }
    }

    /** The stream ended: an event not yet ended by a blank line is discarded, as the standard says. */
    public void finish() {
        line.setLength(0);
        data.setLength(0);
        dataSeen = false;
        eventType = "";
    }

    private void processLine(String text) {
        if (text.isEmpty()) {
            dispatch();
            return;
        }
        if (text.startsWith(":")) {
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> eventType = value;
            case "data" -> {
                if (dataSeen) {
                    data.append('\n');
                }
                data.append(value);
                dataSeen = true;
            }
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastEventId = value;
                }
            }
            default -> {
                // "retry" and unknown fields do not matter to a reader that never reconnects
            }
        }
    }

    private void dispatch() {
        if (dataSeen) {
            listener.accept(new SseEvent(eventType.isEmpty() ? SseEvent.DEFAULT_TYPE : eventType, data.toString(),
                    lastEventId));
        }
        data.setLength(0);
        dataSeen = false;
        eventType = "";
    }
}
