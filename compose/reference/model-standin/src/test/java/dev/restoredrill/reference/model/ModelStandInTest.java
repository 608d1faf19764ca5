package dev.restoredrill.reference.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The service over real HTTP, as an OpenAI client calls it. */
class ModelStandInTest {

    private static final String PROMPT = "Restore drill: reply with the single word 'restored'.";
    private final HttpClient http = HttpClient.newHttpClient();
    private ModelStandIn service;
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        service = new ModelStandIn(new DeterministicAnswer("n0nce42"), List.of("gpt-4o-mini"));
        server = service.serve(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void answersTheJourneysPromptWithTheWordItAsksForAndTheDrillsNonce() throws Exception {
        JsonNode body = ChatCompletion.JSON.readTree(post("/v1/chat/completions", "{\"model\":\"gpt-4o-mini\","
                + "\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},{\"role\":\"user\",\"content\":\""
                + PROMPT + "\"}]}").body());

        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.path("choices").get(0).path("message").path("content").asText())
                .isEqualTo("restored [drill model n0nce42]");
        assertThat(body.path("usage").path("total_tokens").asInt()).isEqualTo(8 + 4);
        assertThat(service.completions()).isEqualTo(1);
    }

    @Test
    void streamsOpenAiChunksThatJoinToTheSameAnswerThenDone() throws Exception {
        HttpResponse<String> response = post("/chat/completions", "{\"model\":\"m\",\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"" + PROMPT + "\"}]}]}");

        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        List<String> data = response.body().lines().filter(l -> l.startsWith("data: "))
                .map(l -> l.substring(6)).toList();
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
        StringBuilder joined = new StringBuilder();
        String finish = null;
        for (String chunk : data.subList(0, data.size() - 1)) {
            JsonNode node = ChatCompletion.JSON.readTree(chunk);
            assertThat(node.path("object").asText()).isEqualTo("chat.completion.chunk");
            for (JsonNode choice : node.path("choices")) {
                joined.append(choice.path("delta").path("content").asText(""));
                if (!choice.path("finish_reason").isNull()) {
                    finish = choice.path("finish_reason").asText();
                }
            }
        }
        assertThat(joined).hasToString("restored [drill model n0nce42]");
        assertThat(finish).isEqualTo("stop");
        assertThat(ChatCompletion.JSON.readTree(data.get(data.size() - 2)).path("usage").path("total_tokens").asInt())
                .isPositive();
    }

    @Test
    void anotherPromptGetsARepeatableDigestAnswer() {
        DeterministicAnswer answer = new DeterministicAnswer("");
        assertThat(answer.to("what is in the backup?")).startsWith("Restore drill answer: ")
                .isEqualTo(answer.to("what is in the backup?")).isNotEqualTo(answer.to("what is in the backup"));
    }

    @Test
    void listsItsModelsAndCountsForTheHarness() throws Exception {
        JsonNode models = ChatCompletion.JSON.readTree(get("/v1/models").body());
        assertThat(models.path("data").get(0).path("id").asText()).isEqualTo("gpt-4o-mini");
        JsonNode stats = ChatCompletion.JSON.readTree(get("/drill/stats").body());
        assertThat(stats.path("completions").asLong()).isZero();
        assertThat(stats.path("nonce").asText()).isEqualTo("n0nce42");
    }

    @Test
    void refusesARequestWithoutAUserMessageSayingWhatWasExpected() throws Exception {
        HttpResponse<String> response = post("/v1/chat/completions", "{\"model\":\"m\",\"messages\":[]}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ChatCompletion.JSON.readTree(response.body()).path("error").path("message").asText())
                .contains("no message with role 'user'");
        assertThat(service.completions()).isZero();
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }
}
