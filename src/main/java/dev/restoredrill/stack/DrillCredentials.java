package dev.restoredrill.stack;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Credentials of a drill's own stores, generated per drill. They live only in this process and in the drill's
 * containers' environment; {@link #toString()} masks them so they never reach a log or a report.
 */
public record DrillCredentials(String postgresUser, String postgresPassword,
                               String clickhouseUser, String clickhousePassword,
                               String minioUser, String minioPassword) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static DrillCredentials generate() {
        return new DrillCredentials("drill", secret(24), "drill", secret(24), "drill", secret(24));
    }

    /** A random secret of letters and digits (safe inside URLs and shell words). */
    public static String secret(int length) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return value.toString();
    }

    /** The variables drill.override.yml reads, and the platform's own names for the same values. */
    public Map<String, String> toEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DRILL_POSTGRES_USER", postgresUser);
        env.put("DRILL_POSTGRES_PASSWORD", postgresPassword);
        env.put("DRILL_CLICKHOUSE_USER", clickhouseUser);
        env.put("DRILL_CLICKHOUSE_PASSWORD", clickhousePassword);
        env.put("DRILL_MINIO_USER", minioUser);
        env.put("DRILL_MINIO_PASSWORD", minioPassword);
        env.put("POSTGRES_USER", postgresUser);
        env.put("POSTGRES_PASSWORD", postgresPassword);
        env.put("CLICKHOUSE_USER", clickhouseUser);
        env.put("CLICKHOUSE_PASSWORD", clickhousePassword);
        env.put("MINIO_ROOT_USER", minioUser);
        env.put("MINIO_ROOT_PASSWORD", minioPassword);
        return env;
    }

    @Override
    public String toString() {
        return "DrillCredentials[postgres=" + postgresUser + ":***, clickhouse=" + clickhouseUser
                + ":***, minio=" + minioUser + ":***]";
    }
}
