package dev.restoredrill.reference.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The LiteLLM virtual key LibreChat is configured with, kept only as LiteLLM stores it: the sha256 hex of the raw
 * {@code sk-…} key, which is the primary key of {@code "LiteLLM_VerificationToken"} and the {@code api_key} of a
 * spend log. The raw key is never kept, so it cannot leak into a log line.
 */
record GatewayKey(String tokenHash) {

    static GatewayKey fromRawKey(String rawKey) {
        if (rawKey == null || rawKey.isBlank()) {
            throw new StandInException("LITELLM_API_KEY is not set; set it to the LiteLLM virtual key (sk-…) "
                    + "LibreChat uses in production, as the drill's credentials give it.");
        }
        return new GatewayKey(sha256Hex(rawKey.trim()));
    }

    static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }

    /** The first 12 hex digits: enough to find the row by hand, and a hash, not the key. */
    String shortHash() {
        return tokenHash.substring(0, 12) + "…";
    }
}
