package dev.restoredrill.generate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.mindrot.jbcrypt.BCrypt;

/** The hashes the platform stores instead of secrets. */
public final class Hashes {
    /** LibreChat's bcryptjs cost. */
    public static final int BCRYPT_COST = 10;
    private static final String BCRYPT_ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private Hashes() {
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** LiteLLM's stored token: sha256 hex of the raw {@code sk-} key. */
    public static String liteLlmToken(String rawKey) {
        return sha256Hex(rawKey);
    }

    /** Langfuse's fast_hashed_secret_key: sha256(secret + hex(sha256(SALT))). */
    public static String langfuseFastHash(String secretKey, String salt) {
        return sha256Hex(secretKey + sha256Hex(salt));
    }

    /** bcrypt at cost 10 with a salt from the seeded stream, so the same seed gives the same hash. */
    public static String bcrypt(String password, SplittableRandom r) {
        return BCrypt.hashpw(password, bcryptSalt(r));
    }

    /** "$2a$10$" plus 16 random bytes in bcrypt's own base64 (22 characters). */
    private static String bcryptSalt(SplittableRandom r) {
        byte[] salt = new byte[16];
        r.nextBytes(salt);
        StringBuilder b = new StringBuilder("$2a$").append(BCRYPT_COST).append('$');
        int bits = 0;
        int buffer = 0;
        for (byte value : salt) {
            buffer = (buffer << 8) | (value & 0xFF);
            bits += 8;
            while (bits >= 6) {
                bits -= 6;
                b.append(BCRYPT_ALPHABET.charAt((buffer >> bits) & 0x3F));
            }
        }
        b.append(BCRYPT_ALPHABET.charAt((buffer << (6 - bits)) & 0x3F)); // 128 bits = 21 chars + 2 bits
        return b.toString();
    }
}
