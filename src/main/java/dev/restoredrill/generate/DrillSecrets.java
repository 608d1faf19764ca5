package dev.restoredrill.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;

/**
 * The secrets the drill signs in with: the LibreChat account, the LiteLLM gateway key and the
 * Langfuse project keys (plus Langfuse's SALT, which its fast key hash depends on). Each comes from
 * its environment variable; what is missing is generated from {@link SecureRandom} (never from the
 * dataset's seed, which is not secret) and the whole set is written to a 0600 file that the drill
 * reads back. {@link #toString()} never shows a secret.
 */
public record DrillSecrets(String userEmail, String userPassword, String gatewayKey,
                               String langfusePublicKey, String langfuseSecretKey, String langfuseSalt) {
    public static final String FILE_NAME = "drill-credentials.env";
    public static final String DEFAULT_EMAIL = "drill@restore-drill.local";

    public DrillSecrets {
        userEmail = userEmail.toLowerCase(Locale.ROOT); // LibreChat stores emails lowercased
        if (!gatewayKey.startsWith("sk-")) {
            throw new GenerateException("Expected DRILL_GATEWAY_KEY to start with 'sk-' as LiteLLM keys do; set it to such a key.");
        }
    }

    /** The environment's values where set, generated ones elsewhere. */
    public static DrillSecrets fromEnvironment(Map<String, String> env) {
        SecureRandom random = new SecureRandom();
        return new DrillSecrets(
                env.getOrDefault("DRILL_USER_EMAIL", DEFAULT_EMAIL),
                env.getOrDefault("DRILL_USER_PASSWORD", randomToken(random, 20)),
                env.getOrDefault("DRILL_GATEWAY_KEY", "sk-" + randomToken(random, 32)),
                env.getOrDefault("DRILL_LANGFUSE_PUBLIC_KEY", "pk-lf-" + randomToken(random, 24)),
                env.getOrDefault("DRILL_LANGFUSE_SECRET_KEY", "sk-lf-" + randomToken(random, 32)),
                env.getOrDefault("DRILL_LANGFUSE_SALT", randomToken(random, 32)));
    }

    /** Writes the set as an env file readable by its owner only; the file is created 0600, never widened. */
    public Path writeTo(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        String text = "DRILL_USER_EMAIL=" + userEmail + "\n"
                + "DRILL_USER_PASSWORD=" + userPassword + "\n"
                + "DRILL_GATEWAY_KEY=" + gatewayKey + "\n"
                + "DRILL_LANGFUSE_PUBLIC_KEY=" + langfusePublicKey + "\n"
                + "DRILL_LANGFUSE_SECRET_KEY=" + langfuseSecretKey + "\n"
                + "DRILL_LANGFUSE_SALT=" + langfuseSalt + "\n";
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the drill credentials file " + file, e);
        }
    }

    private static String randomToken(SecureRandom random, int length) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "DrillSecrets[userEmail=" + userEmail + ", secrets redacted]";
    }
}
