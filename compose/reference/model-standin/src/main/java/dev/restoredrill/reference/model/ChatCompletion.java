package dev.restoredrill.reference.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code POST /v1/chat/completions}, in OpenAI's shapes (openai-openapi: CreateChatCompletionRequest,
 * CreateChatCompletionResponse, CreateChatCompletionStreamResponse), as LiteLLM's {@code openai/} provider and
 * LibreChat's custom endpoints send and read them: {@code {model, messages: [{role, content}], stream,
 * stream_options: {include_usage}}}.
 */
record ChatCompletion(String id, String model, String prompt, boolean stream, boolean includeUsage, long created) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a request body; a body without a user message is refused with what was expected. */
    static ChatCompletion parse(JsonNode body, String id, long created) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("expected a JSON object {model, messages: [{role, content}]}");
        }
        String model = body.path("model").asText("");
        if (model.isBlank()) {
            throw new IllegalArgumentException("'model' is missing; name the model to answer, e.g. gpt-4o-mini");
        }
        JsonNode messages = body.path("messages");
        String prompt = null;
        for (JsonNode message : messages) {
            if ("user".equals(message.path("role").asText())) {
                prompt = text(message.path("content"));
            }
        }
        if (prompt == null) {
            throw new IllegalArgumentException("'messages' holds no message with role 'user'; found "
                    + (messages.isArray() ? messages.size() + " message(s)" : "no array"));
        }
        return new ChatCompletion(id, model, prompt, body.path("stream").asBoolean(false),
                body.path("stream_options").path("include_usage").asBoolean(false), created);
    }

    /** Content is a string, or an array of parts of which the {@code text} ones count. */
    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if ("text".equals(part.path("type").asText())) {
                text.append(part.path("text").asText());
            }
        }
        return text.toString();
    }

    /** The whole answer in one response ({@code object: chat.completion}). */
    ObjectNode response(String answer) {
        ObjectNode response = head("chat.completion");
        ObjectNode choice = response.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", answer);
        choice.put("finish_reason", "stop");
        response.set("usage", usage(answer));
        return response;
    }

    /**
     * The answer as a stream's {@code data:} payloads ({@code object: chat.completion.chunk}): the role first, a
     * word at a time, a last chunk with {@code finish_reason: stop}, the usage chunk if asked for, then
     * {@code [DONE]}, as OpenAI sends them.
     */
    List<String> chunks(String answer) throws com.fasterxml.jackson.core.JsonProcessingException {
        List<String> chunks = new ArrayList<>();
        chunks.add(JSON.writeValueAsString(chunk(JSON.createObjectNode().put("role", "assistant").put("content", ""),
                null)));
        for (String piece : answer.split("(?<= )")) {
            chunks.add(JSON.writeValueAsString(chunk(JSON.createObjectNode().put("content", piece), null)));
        }
        chunks.add(JSON.writeValueAsString(chunk(JSON.createObjectNode(), "stop")));
        if (includeUsage) {
            ObjectNode usage = head("chat.completion.chunk");
            usage.putArray("choices");
            usage.set("usage", usage(answer));
            chunks.add(JSON.writeValueAsString(usage));
        }
        chunks.add("[DONE]");
        return chunks;
    }

    private ObjectNode chunk(ObjectNode delta, String finishReason) {
        ObjectNode chunk = head("chat.completion.chunk");
        ArrayNode choices = chunk.putArray("choices");
        ObjectNode choice = choices.addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return chunk;
    }

    private ObjectNode head(String object) {
        return JSON.createObjectNode().put("id", id).put("object", object).put("created", created)
                .put("model", model).put("system_fingerprint", ModelStandIn.FINGERPRINT);
    }

    private ObjectNode usage(String answer) {
        int promptTokens = DeterministicAnswer.tokens(prompt);
        int completionTokens = DeterministicAnswer.tokens(answer);
        return JSON.createObjectNode().put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
    }
}
