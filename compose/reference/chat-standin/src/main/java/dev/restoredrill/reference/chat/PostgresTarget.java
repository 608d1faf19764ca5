package dev.restoredrill.reference.chat;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where LiteLLM's database is, from the {@code DATABASE_URL} LiteLLM itself reads
 * ({@code postgresql://user:password@host:5432/litellm}), as JDBC wants it. {@link #toString()} and
 * {@link #describe()} leave the password out, so the target can be logged.
 */
record PostgresTarget(String jdbcUrl, String user, String password, String description) {

    static PostgresTarget parse(String databaseUrl) {
        URI uri;
        try {
            uri = new URI(databaseUrl.trim());
        } catch (URISyntaxException e) {
            // The input may hold a password: name the position, not the text.
            throw new StandInException("DATABASE_URL is not a URL (bad character at index " + e.getIndex()
                    + "); expected postgresql://user:password@host:5432/litellm.");
        }
        String scheme = uri.getScheme();
        if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
            throw new StandInException("DATABASE_URL must start with postgresql://; found scheme '" + scheme
                    + "'. Expected postgresql://user:password@host:5432/litellm, as LiteLLM reads it.");
        }
        if (uri.getHost() == null) {
            throw new StandInException("DATABASE_URL names no host; expected postgresql://user:password@host:5432/litellm.");
        }
        String database = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (database.isEmpty()) {
            throw new StandInException("DATABASE_URL names no database; expected postgresql://user:password@"
                    + uri.getHost() + ":5432/litellm.");
        }
        String rawUserInfo = uri.getRawUserInfo();
        if (rawUserInfo == null || rawUserInfo.isEmpty()) {
            throw new StandInException("DATABASE_URL names no user; expected postgresql://user:password@"
                    + uri.getHost() + "/" + database + ".");
        }
        int colon = rawUserInfo.indexOf(':');
        String user = decode(colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon));
        String password = colon < 0 ? "" : decode(rawUserInfo.substring(colon + 1));
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String hostPortDb = uri.getHost() + ":" + port + "/" + database;
        return new PostgresTarget("jdbc:postgresql://" + hostPortDb + query, user, password,
                hostPortDb + " as " + user);
    }

    /** host:port/database as user — never the password. */
    String describe() {
        return description;
    }

    @Override
    public String toString() {
        return "PostgresTarget[" + description + "]";
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
