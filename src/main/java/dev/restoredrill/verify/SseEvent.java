package dev.restoredrill.verify;

/**
 * One server-sent event.
 *
 * @param event its type ({@code message} unless the server named one, e.g. {@code error})
 * @param data  its data lines joined with {@code \n}
 * @param id    the last event id seen, or "" when none
 */
public record SseEvent(String event, String data, String id) {

    public static final String DEFAULT_TYPE = "message";
}
