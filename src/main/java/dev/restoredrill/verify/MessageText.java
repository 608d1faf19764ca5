package dev.restoredrill.verify;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The words of a LibreChat message: its {@code text}, or, when that is empty, its {@code content[]} text parts. An
 * answer on the agents route (every chat of LibreChat v0.8, custom endpoints included) keeps {@code text} empty and
 * holds the words in {@code content: [{type: "text", text}]} (api/app/clients/BaseClient.js, sendMessage); the
 * assistants' older parts hold {@code text: {value}}. Joined as data-provider's parsers.ts parseTextParts joins
 * them: a space between parts unless one is there; reasoning ("think") parts left out.
 */
final class MessageText {

    private MessageText() {
    }

    static String of(JsonNode message) {
        String text = message.path("text").asText("");
        if (!text.isEmpty()) {
            return text;
        }
        StringBuilder words = new StringBuilder();
        for (JsonNode part : message.path("content")) {
            if (!"text".equals(part.path("type").asText())) {
                continue;
            }
            JsonNode value = part.path("text");
            String piece = value.isTextual() ? value.asText() : value.path("value").asText("");
            if (!words.isEmpty() && !piece.isEmpty() && words.charAt(words.length() - 1) != ' '
                    && piece.charAt(0) != ' ') {
                words.append(' ');
            }
            words.append(piece);
        }
        return words.toString();
    }
}
