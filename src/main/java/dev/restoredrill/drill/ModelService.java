package dev.restoredrill.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restoredrill.stack.ServiceEndpoint;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The drill's own model service (compose/drill.override.yml {@value #SERVICE}, image
 * restore-drill/model-standin): the harness gives it a nonce per drill, which it appends to every answer, and
 * reads back how many chats it answered, so the journey's answer is shown to come from inside the drill.
 */
public final class ModelService {

    public static final String SERVICE = "drill-model";
    public static final int PORT = 8080;
    /** The variable compose/drill.override.yml passes to the service as MODEL_STANDIN_NONCE. */
    public static final String NONCE_VARIABLE = "DRILL_MODEL_NONCE";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelService() {
    }

    /** A fresh nonce for one drill (not a secret: it only ties an answer to this drill's model service). */
    public static String newNonce() {
        byte[] bytes = new byte[6];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** How an answer of this drill's model service ends. */
    public static String answerMark(String nonce) {
        return "[drill model " + nonce + "]";
    }

    /** What the service says it did: chats answered, and the nonce it was given. */
    public record Stats(long completions, String nonce) {
    }

    public static Stats stats(ServiceEndpoint endpoint) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(endpoint.httpUrl() + "/drill/stats")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the drill's model service answered HTTP " + response.statusCode()
                        + " to GET /drill/stats");
            }
            JsonNode stats = JSON.readTree(response.body());
            return new Stats(stats.path("completions").asLong(-1), stats.path("nonce").asText(""));
        } catch (IOException e) {
            throw new IllegalStateException("the drill's model service did not answer GET /drill/stats: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the drill's model service", e);
        }
    }
}
