package dev.restoredrill.reference.chat;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.UUID;

/**
 * The body of {@code POST /api/agents/chat/{endpoint}}: {@code {text, endpoint, model, conversationId,
 * parentMessageId}}. A missing or {@code "new"} conversationId starts a conversation, as in LibreChat.
 */
record ChatRequest(String text, String endpoint, String model, String conversationId, String parentMessageId) {

    /** LibreChat's parent of a conversation's first message. */
    static final String NO_PARENT = "00000000-0000-0000-0000-000000000000";

    static ChatRequest from(JsonNode body, String pathEndpoint) {
        String text = body.path("text").asText("");
        if (text.isBlank()) {
            throw new HttpError(400, "text is required: the body must be {text, endpoint, model, conversationId,"
                    + " parentMessageId}");
        }
        String endpoint = body.path("endpoint").asText(pathEndpoint);
        String model = body.path("model").asText("");
        if (model.isBlank()) {
            throw new HttpError(400, "model is required: name the model the gateway should answer with");
        }
        String conversationId = body.path("conversationId").asText("");
        if (conversationId.isBlank() || "new".equals(conversationId) || "null".equals(conversationId)) {
            conversationId = UUID.randomUUID().toString();
        }
        String parent = body.path("parentMessageId").asText("");
        return new ChatRequest(text, endpoint.isBlank() ? pathEndpoint : endpoint, model, conversationId,
                parent.isBlank() ? NO_PARENT : parent);
    }
}
