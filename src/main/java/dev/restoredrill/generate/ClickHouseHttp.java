package dev.restoredrill.generate;

import dev.restoredrill.outcome.Excerpt;
import dev.restoredrill.stack.ServiceEndpoint;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * ClickHouse over its HTTP interface ({@code POST /?query=...}), which every server from 18.x on
 * speaks (clickhouse-jdbc does not work with 18.16). Inserts stream their body: the query names
 * the table and format, the rows follow as the request body in chunks.
 */
final class ClickHouseHttp {
    private final Supplier<ServiceEndpoint> endpoint;
    private final String authorization;
    private final Set<HttpURLConnection> open = ConcurrentHashMap.newKeySet();

    /** The endpoint is asked for on every request: it may move when the service restarts. */
    ClickHouseHttp(Supplier<ServiceEndpoint> endpoint, String user, String password) {
        this.endpoint = endpoint;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Runs a statement or small query and returns its answer as text. */
    String execute(String sql) {
        return post(sql, null);
    }

    /** The body writer of an insert: writes the rows, in the format the query names. */
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Streams rows into {@code INSERT INTO <table> FORMAT TabSeparated}. */
    void insertTabSeparated(String table, Body rows) {
        post("INSERT INTO " + table + " FORMAT TabSeparated", rows);
    }

    private String post(String sql, Body body) {
        HttpURLConnection http = null;
        try {
            URI uri = URI.create(endpoint.get().httpUrl() + "/?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8));
            http = (HttpURLConnection) uri.toURL().openConnection();
            open.add(http);
            http.setRequestMethod("POST");
            http.setRequestProperty("Authorization", authorization);
            http.setDoOutput(true);
            http.setChunkedStreamingMode(64 * 1024);
            http.setReadTimeout((int) SourceLoader.SILENT_STORE.toMillis()); // a server that never answers ends in an error
            try (OutputStream out = new BufferedOutputStream(http.getOutputStream(), 256 * 1024)) {
                if (body != null) {
                    body.writeTo(out);
                }
            }
            int status = http.getResponseCode();
            InputStream answer = status == 200 ? http.getInputStream() : http.getErrorStream();
            String text = answer == null ? "" : new String(answer.readAllBytes(), StandardCharsets.UTF_8);
            if (status != 200) {
                throw new GenerateException("ClickHouse answered HTTP " + status + " to '" + Excerpt.of(sql, 200) + "': " + Excerpt.of(text, 200));
            }
            return text;
        } catch (IOException e) {
            throw new GenerateException("Could not reach ClickHouse's HTTP interface at " + endpoint.get() + " for '"
                    + Excerpt.of(sql, 200) + "': " + e.getMessage() + ". Is the clickhouse service running?", e);
        } finally {
            if (http != null) {
                open.remove(http);
                http.disconnect();
            }
        }
    }

    /** Closes every request under way, also one blocked writing its body to a server that no longer reads. */
    void abort() {
        open.forEach(HttpURLConnection::disconnect);
    }
}
