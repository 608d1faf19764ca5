package dev.restoredrill.reference.chat;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The body of {@code POST /api/agents/chat/{endpoint}}: {@code {text, endpoint, endpointType, model, conversationId,
 * parentMessageId}}. A missing or {@code "new"} conversationId starts a conversation, as in LibreChat.
 *
 * @param endpointType what the client learnt from GET /api/endpoints ({@code "custom"} for a librechat.yaml
 *                     endpoint); empty when not sent
 */
record ChatRequest(String text, String endpoint, String endpointType, String model, String conversationId,
                   String parentMessageId) {

    /** LibreChat's parent of a conversation's first message. */
    static final String NO_PARENT = "00000000-0000-0000-0000-000000000000";
    static final String CUSTOM = "custom";
    /** The endpoints parseCompactConvo has a schema for (data-provider parsers.ts, compactEndpointSchemas). */
    static final Set<String> KNOWN_ENDPOINTS = Set.of("openAI", "azureOpenAI", CUSTOM, "assistants",
            "azureAssistants", "agents", "google", "bedrock", "anthropic");

    /**
     * Why LibreChat's parseCompactConvo would throw for this body, if it would: an endpoint it has no schema for
     * (a librechat.yaml name such as "LiteLLM") needs an endpointType that it has one for.
     */
    Optional<String> compactConvoError() {
        if (KNOWN_ENDPOINTS.contains(endpoint)) {
            return Optional.empty();
        }
        if (endpointType.isEmpty()) {
            return Optional.of("Unknown endpoint: " + endpoint);
        }
        return KNOWN_ENDPOINTS.contains(endpointType) ? Optional.empty()
                : Optional.of("Unknown endpointType: " + endpointType);
    }

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
        String endpointType = body.path("endpointType").isTextual() ? body.path("endpointType").asText().trim() : "";
        return new ChatRequest(text, endpoint.isBlank() ? pathEndpoint : endpoint, endpointType, model,
                conversationId, parent.isBlank() ? NO_PARENT : parent);
    }
}
