package dev.restoredrill.reference.chat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of conversations ends: the last one's {@code updatedAt} and {@code conversationId} (the tie
 * breaker), as an opaque base64url string the client passes back as {@code cursor}.
 */
record ConvoCursor(Instant updatedAt, String conversationId) {

    String encode() {
        String plain = updatedAt.toEpochMilli() + "|" + conversationId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static ConvoCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            if (bar > 0 && bar < plain.length() - 1) {
                return new ConvoCursor(Instant.ofEpochMilli(Long.parseLong(plain.substring(0, bar))),
                        plain.substring(bar + 1));
            }
        } catch (IllegalArgumentException e) { // bad base64 or a bad number
            // reported below
        }
        throw new IllegalArgumentException("cursor '" + cursor + "' is not one this server returned as nextCursor;"
                + " omit it for the first page");
    }
}
