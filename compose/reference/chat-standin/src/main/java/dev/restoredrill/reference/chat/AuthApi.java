package dev.restoredrill.reference.chat;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.mindrot.jbcrypt.BCrypt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/auth/login}: e-mail and password against the restored {@code users} collection (bcrypt), as
 * LibreChat's local strategy; answers {@code {token, user}} and sets the httpOnly {@code refreshToken} cookie.
 * Failures answer 401 with LibreChat's messages (releases before 0.8 answered 404 to the same).
 */
final class AuthApi {

    private static final Logger LOG = LoggerFactory.getLogger(AuthApi.class);
    static final Duration REFRESH_LIFETIME = Duration.ofDays(7);

    private final LibreChatStore store;
    private final Jwt accessTokens;
    private final Jwt refreshTokens;

    AuthApi(LibreChatStore store, Jwt accessTokens, Jwt refreshTokens) {
        this.store = store;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
    }

    void login(Call call) throws IOException {
        JsonNode body = call.jsonBody();
        String email = body.path("email").asText("");
        String password = body.path("password").asText("");
        if (email.isBlank() || password.isEmpty()) {
            throw new HttpError(400, "Missing credentials");
        }
        Document user = store.userByEmail(email).orElseThrow(() -> new HttpError(401, "Email does not exist."));
        String userId = user.getObjectId("_id").toHexString();
        if (!passwordMatches(password, user.getString("password"), userId)) {
            throw new HttpError(401, "Incorrect password.");
        }
        call.header("Set-Cookie", "refreshToken=" + refreshTokens.sign(userId) + "; Max-Age="
                + REFRESH_LIFETIME.toSeconds() + "; Path=/; HttpOnly; SameSite=Strict");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token", accessTokens.sign(userId));
        answer.put("user", ApiViews.user(user));
        call.json(200, answer);
        LOG.info("user {} signed in", userId);
    }

    /**
     * bcryptjs writes {@code $2b$} (and PHP {@code $2y$}) hashes; jBCrypt 0.4 knows only {@code $2a$}, which is
     * the same algorithm for passwords under 72 bytes.
     */
    static boolean passwordMatches(String password, String storedHash, String userId) {
        if (storedHash == null || storedHash.length() < 7) {
            return false; // a social-login user has no password
        }
        String hash = storedHash.startsWith("$2b$") || storedHash.startsWith("$2y$")
                ? "$2a$" + storedHash.substring(4) : storedHash;
        try {
            return BCrypt.checkpw(password, hash);
        } catch (IllegalArgumentException e) {
            LOG.warn("user {} has a password field that is not a bcrypt hash ({})", userId, e.getMessage());
            return false;
        }
    }
}
