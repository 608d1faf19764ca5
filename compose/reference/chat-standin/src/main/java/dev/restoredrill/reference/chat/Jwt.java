package dev.restoredrill.reference.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * HS256 JSON Web Tokens as LibreChat issues them (jsonwebtoken, payload {@code {id, …, iat, exp}}), here with the
 * user id also in {@code sub}. Only HS256 is accepted on verification, so a token with {@code "alg": "none"} or
 * another algorithm is refused rather than trusted.
 */
final class Jwt {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String HEADER = ENCODER.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock;

    Jwt(String secret, Duration lifetime, Clock clock) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A token for {@code userId}, valid for this issuer's lifetime from now. */
    String sign(String userId) {
        long now = clock.instant().getEpochSecond();
        ObjectNode payload = Json.MAPPER.createObjectNode()
                .put("id", userId)
                .put("sub", userId)
                .put("iat", now)
                .put("exp", now + lifetime.toSeconds());
        String signingInput = HEADER + "." + ENCODER.encodeToString(Json.bytes(payload));
        return signingInput + "." + ENCODER.encodeToString(mac(signingInput));
    }

    /** The user id the token was issued to, if its signature holds and it has not expired. */
    String verify(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidTokenException("not a JWT (expected three dot-separated parts)");
        }
        JsonNode header = decodeJson(parts[0], "header");
        if (!"HS256".equals(header.path("alg").asText())) {
            throw new InvalidTokenException("algorithm '" + header.path("alg").asText() + "' is not HS256");
        }
        byte[] signature;
        try {
            signature = DECODER.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("signature is not base64url");
        }
        if (!MessageDigest.isEqual(signature, mac(parts[0] + "." + parts[1]))) {
            throw new InvalidTokenException("signature does not match (another JWT_SECRET?)");
        }
        JsonNode payload = decodeJson(parts[1], "payload");
        long exp = payload.path("exp").asLong(0);
        if (exp <= clock.instant().getEpochSecond()) {
            throw new InvalidTokenException("expired");
        }
        String subject = payload.path("sub").asText(payload.path("id").asText(""));
        if (subject.isEmpty()) {
            throw new InvalidTokenException("names no user");
        }
        return subject;
    }

    private static JsonNode decodeJson(String part, String what) {
        try {
            JsonNode node = Json.MAPPER.readTree(DECODER.decode(part));
            if (node == null || !node.isObject()) {
                throw new InvalidTokenException(what + " is not a JSON object");
            }
            return node;
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new InvalidTokenException(what + " is not base64url JSON");
        }
    }

    private byte[] mac(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JRE has HmacSHA256", e);
        }
    }

    /** Why a bearer token was refused; the message names the reason, never the token. */
    static final class InvalidTokenException extends RuntimeException {
        InvalidTokenException(String reason) {
            super("invalid token: " + reason);
        }
    }
}
