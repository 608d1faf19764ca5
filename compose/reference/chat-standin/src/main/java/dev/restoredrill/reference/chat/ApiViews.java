package dev.restoredrill.reference.chat;

import org.bson.Document;
import org.bson.types.ObjectId;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON LibreChat's API answers with, from the stored documents: dates as JavaScript's ISO strings
 * ({@code 2025-01-31T12:00:00.000Z}), object ids as hex, and only the fields the API exposes.
 */
final class ApiViews {

    static final List<String> CONVERSATION_FIELDS =
            List.of("conversationId", "endpoint", "title", "createdAt", "updatedAt", "user", "model");
    static final List<String> MESSAGE_FIELDS = List.of("messageId", "conversationId", "parentMessageId", "sender",
            "text", "content", "isCreatedByUser", "model", "endpoint", "createdAt", "updatedAt");
    /** What LibreChat's login controller strips from the user it returns. */
    private static final Set<String> PRIVATE_USER_FIELDS =
            Set.of("password", "totpSecret", "backupCodes", "refreshToken", "__v");
    private static final DateTimeFormatter JS_ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ApiViews() {
    }

    static Map<String, Object> conversation(Document stored) {
        return pick(stored, CONVERSATION_FIELDS);
    }

    static Map<String, Object> message(Document stored) {
        return pick(stored, MESSAGE_FIELDS);
    }

    /** The user without secrets, with {@code id} = the _id's hex, as LibreChat's login answers it. */
    static Map<String, Object> user(Document stored) {
        Map<String, Object> view = new LinkedHashMap<>();
        stored.forEach((field, value) -> {
            if (!PRIVATE_USER_FIELDS.contains(field)) {
                view.put(field, plain(value));
            }
        });
        view.put("id", stored.getObjectId("_id").toHexString());
        return view;
    }

    private static Map<String, Object> pick(Document stored, List<String> fields) {
        Map<String, Object> view = new LinkedHashMap<>();
        for (String field : fields) {
            view.put(field, plain(stored.get(field)));
        }
        return view;
    }

    private static Object plain(Object value) {
        if (value instanceof Date date) {
            return JS_ISO.format(date.toInstant());
        }
        if (value instanceof ObjectId id) {
            return id.toHexString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ApiViews::plain).toList();
        }
        if (value instanceof Document document) {
            Map<String, Object> nested = new LinkedHashMap<>();
            document.forEach((k, v) -> nested.put(k, plain(v)));
            return nested;
        }
        return value;
    }
}
