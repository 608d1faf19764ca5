package dev.restoredrill.reference.chat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/convos} (cursor-paged, newest first) and {@code GET /api/messages/{conversationId}}. */
final class HistoryApi {

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;

    private final LibreChatStore store;

    HistoryApi(LibreChatStore store) {
        this.store = store;
    }

    void conversations(Call call) throws IOException {
        int limit = limit(call.query("limit"));
        String order = call.query("order") == null ? "desc" : call.query("order");
        if (!order.equals("desc") && !order.equals("asc")) {
            throw new HttpError(400, "order must be desc or asc; found '" + order + "'");
        }
        String cursorParam = call.query("cursor");
        ConvoCursor cursor;
        try {
            cursor = cursorParam == null || cursorParam.isEmpty() ? null : ConvoCursor.decode(cursorParam);
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, e.getMessage());
        }
        ConversationPage page = store.conversations(call.userId(), cursor, limit, order.equals("desc"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("conversations", page.conversations().stream().map(ApiViews::conversation).toList());
        answer.put("nextCursor", page.next() == null ? null : page.next().encode());
        call.json(200, answer);
    }

    void messages(Call call) throws IOException {
        call.json(200, store.messages(call.userId(), call.pathParam(0)).stream().map(ApiViews::message).toList());
    }

    private static int limit(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new HttpError(400, "limit must be a number from 1 to " + MAX_LIMIT + "; found '" + value + "'");
    }
}
