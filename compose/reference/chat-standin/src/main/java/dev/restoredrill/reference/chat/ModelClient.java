package dev.restoredrill.reference.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The gateway's call to the model, over HTTP, as LiteLLM's {@code openai/} provider makes it: {@code POST
 * <api_base>/chat/completions} with {@code {model, messages}}, reading {@code choices[0].message.content} and
 * {@code usage}. In the drill stack {@code api_base} is the drill's own model service (MODEL_API_BASE, the
 * stand-in's counterpart of the {@code api_base} of a LiteLLM model_list entry), never a real provider.
 */
final class ModelClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI completions;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ModelClient(URI apiBase) {
        this.completions = URI.create(apiBase.toString().replaceAll("/+$", "") + "/chat/completions");
    }

    URI completions() {
        return completions;
    }

    Completion complete(String model, String prompt) {
        ObjectNode body = JSON.createObjectNode().put("model", model);
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(completions).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StandInException("model service " + completions + " did not answer (" + e
                    + "); check that the drill stack's model service runs and MODEL_API_BASE names it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StandInException("interrupted while waiting for the model service " + completions, e);
        }
        if (response.statusCode() != 200) {
            throw new StandInException("model service " + completions + " answered HTTP " + response.statusCode()
                    + ": " + abbreviate(response.body()));
        }
        try {
            JsonNode answer = JSON.readTree(response.body());
            JsonNode content = answer.path("choices").path(0).path("message").path("content");
            if (!content.isTextual()) {
                throw new StandInException("model service " + completions + " answered without "
                        + "choices[0].message.content: " + abbreviate(response.body()));
            }
            JsonNode usage = answer.path("usage");
            return new Completion(content.asText(), usage.path("prompt_tokens").asInt(0),
                    usage.path("completion_tokens").asInt(0));
        } catch (IOException e) {
            throw new StandInException("model service " + completions + " answered no JSON: "
                    + abbreviate(response.body()), e);
        }
    }

    private static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
