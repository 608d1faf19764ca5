package dev.restoredrill.reference.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * librechat.yaml's custom endpoints as LibreChat reads them, the endpoint config it serves from them, and
 * parseCompactConvo's rule that a custom endpoint's name alone is an "Unknown endpoint".
 */
class CustomEndpointTest {

    /** The project's own compose/librechat.yaml, which platform.yml mounts. */
    private static final Path PLATFORM_CONFIG = Path.of("../../librechat.yaml");
    private static final Map<String, String> ENV = Map.of("LITELLM_API_KEY", "sk-drill-0123456789abcdef");

    @Test
    void thePlatformsConfigDefinesTheGatewayAsACustomEndpointWithItsKeyFromTheEnvironment() {
        CustomEndpoints endpoints = CustomEndpoints.load(PLATFORM_CONFIG, ENV);

        CustomEndpoints.Endpoint gateway = endpoints.named("LiteLLM").orElseThrow();
        assertThat(gateway.baseURL()).isEqualTo("http://litellm:4000/v1");
        assertThat(gateway.apiKey()).isEqualTo("sk-drill-0123456789abcdef");
        assertThat(gateway.models()).contains("gpt-4o-mini");
        assertThat(gateway.toString()).doesNotContain("sk-drill");
        assertThat(endpoints.endpointsConfig()).containsKeys("agents", "LiteLLM");
        assertThat(new ObjectMapper().valueToTree(endpoints.endpointsConfig()).path("LiteLLM").path("type").asText())
                .isEqualTo("custom");
    }

    @Test
    void incompleteEntriesAreLeftOutAndAMissingFileMeansNone(@TempDir Path dir) throws IOException {
        Path yaml = Files.writeString(dir.resolve("librechat.yaml"), """
                version: 1.2.8
                endpoints:
                  custom:
                    - name: "NoModels"
                      apiKey: "k"
                      baseURL: "http://x/v1"
                    - name: "Fetches"
                      apiKey: "${UNSET_KEY}"
                      baseURL: "http://y/v1"
                      models: {fetch: true}
                """);
        CustomEndpoints endpoints = CustomEndpoints.load(yaml, Map.of());

        assertThat(endpoints.endpoints()).extracting(CustomEndpoints.Endpoint::name).containsExactly("Fetches");
        assertThat(endpoints.named("Fetches").orElseThrow().apiKey()).as("unset: kept as written").isEqualTo("${UNSET_KEY}");
        assertThat(CustomEndpoints.load(dir.resolve("absent.yaml"), ENV).endpoints()).isEmpty();
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "endpoints: [unclosed");
        assertThatThrownBy(() -> CustomEndpoints.load(broken, ENV)).isInstanceOf(StandInException.class)
                .hasMessageContaining("not valid YAML");
    }

    private static ChatRequest chat(String endpoint, String endpointType) {
        ObjectMapper json = new ObjectMapper();
        var body = json.createObjectNode().put("text", "hi").put("endpoint", endpoint).put("model", "gpt-4o-mini");
        if (endpointType != null) {
            body.put("endpointType", endpointType);
        }
        return ChatRequest.from(body, endpoint);
    }

    @Test
    void aCustomEndpointWithoutItsTypeIsAnUnknownEndpointAsParseCompactConvoSays() {
        assertThat(chat("LiteLLM", null).compactConvoError()).contains("Unknown endpoint: LiteLLM");
        assertThat(chat("LiteLLM", "custom").compactConvoError()).isEmpty();
        assertThat(chat("LiteLLM", "gateway").compactConvoError()).contains("Unknown endpointType: gateway");
        assertThat(chat("agents", null).compactConvoError()).isEmpty();
        assertThat(chat("openAI", null).compactConvoError()).isEmpty();
    }

    @Test
    void theRefusalIsAnErrorEventWithTheTextLibreChatSends() {
        assertThat(SseEvent.errorText("Error parsing conversation").format())
                .isEqualTo("event: error\ndata: {\"text\":\"Error parsing conversation\"}\n\n");
    }
}
