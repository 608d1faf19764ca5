package dev.restoredrill.reference.langfuse;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** ClickHouse's HTTP interface (the reference server is 18.16, which no native-protocol client here speaks). */
final class ClickHouseHttp {

    /** A statement ClickHouse refused, with ClickHouse's own message. */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    private final String baseUrl;
    private final String database;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ClickHouseHttp(String baseUrl, String database, String user, String password) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.database = database;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    String query(String sql) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/?database="
                        + URLEncoder.encode(database, StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new Refused(response.body().strip());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    String describe() {
        return baseUrl + " (database " + database + ")";
    }
}
