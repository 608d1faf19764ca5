package dev.restoredrill.verify;

import dev.restoredrill.outcome.SecretMasker;
import dev.restoredrill.scenario.ClickHouseCheck;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Runs a {@link ClickHouseCheck} over ClickHouse's HTTP interface (never clickhouse-jdbc: no driver works with
 * every server from 18.x on, the HTTP interface does): the query is POSTed with {@code FORMAT TabSeparated},
 * basic auth, and the first cell of the first line is the value. Only that line is read.
 */
final class ClickHouseProbe {

    static final String FORMAT = "FORMAT TabSeparated";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(120);
    private static final int ERROR_TEXT_LIMIT = 2000;

    private final StoreConnections.ClickHouse clickhouse;
    private final List<String> secrets;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    ClickHouseProbe(StoreConnections.ClickHouse clickhouse, List<String> secrets) {
        this.clickhouse = clickhouse;
        this.secrets = secrets;
    }

    /** The statement exactly as sent. */
    static String statement(ClickHouseCheck check) {
        return check.sql().strip() + "\n" + FORMAT;
    }

    static String describe(ClickHouseCheck check) {
        return "[" + check.database() + "] " + statement(check);
    }

    Measurement measure(ClickHouseCheck check) {
        String credentials = clickhouse.user() + ":" + clickhouse.password();
        HttpRequest request = HttpRequest.newBuilder(URI.create(clickhouse.baseUrl().replaceAll("/+$", "")
                        + "/?database=" + URLEncoder.encode(check.database(), StandardCharsets.UTF_8)))
                .timeout(QUERY_TIMEOUT)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(statement(check), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                if (response.statusCode() != 200) {
                    throw refused(response.statusCode(), readLimited(body));
                }
                String firstLine = body.readLine();
                if (firstLine == null || firstLine.isEmpty()) {
                    return Measurement.nothing("no rows");
                }
                int tab = firstLine.indexOf('\t');
                return CellValues.fromText(tab < 0 ? firstLine : firstLine.substring(0, tab));
            }
        } catch (HttpTimeoutException e) {
            throw new StoreAccessException("ClickHouse at " + clickhouse.baseUrl() + " did not answer within "
                    + QUERY_TIMEOUT.toSeconds() + " s. Check the restored clickhouse service's load and logs.", e);
        } catch (IOException e) {
            throw new StoreAccessException("Could not reach ClickHouse at " + clickhouse.baseUrl() + " ("
                    + SecretMasker.of(secrets).mask(String.valueOf(e.getMessage()))
                    + "). Check that the restored clickhouse service is running and healthy.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreAccessException("Interrupted while waiting for ClickHouse; the drill is stopping.", e);
        }
    }

    private StoreAccessException refused(int status, String text) {
        String error = SecretMasker.of(secrets).mask(text.strip());
        String advice = error.contains("Code: 516") || error.contains("Code: 192") || status == 401 || status == 403
                ? "Check that the stack was started with the drill's ClickHouse credentials."
                : "Check that the table exists in the restored volume (a migration mismatch?) or fix the check's sql.";
        return new StoreAccessException("ClickHouse refused the query (HTTP " + status + "): " + error
                + (error.endsWith(".") ? " " : ". ") + advice);
    }

    private static String readLimited(BufferedReader body) throws IOException {
        char[] buffer = new char[ERROR_TEXT_LIMIT];
        int read = body.read(buffer);
        return read <= 0 ? "(no body)" : new String(buffer, 0, read);
    }
}
