package dev.restoredrill.reference.langfuse;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Langfuse's {@code DATABASE_URL} ({@code postgresql://user:password@host:port/database?…}) as JDBC needs it. */
record DatabaseUrl(String jdbcUrl, String user, String password, String database) {

    static DatabaseUrl parse(String url) {
        URI uri = URI.create(url.replaceFirst("^postgres(ql)?://", "http://"));
        String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo();
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        return new DatabaseUrl("jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + database, user, password,
                database);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return jdbcUrl + " as " + user; // never the password
    }
}
