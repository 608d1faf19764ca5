package dev.restoredrill.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Raw results in Allure's own format, as allure-jupiter writes them: a passed restore, a failed RPO test whose
 * message and attachment carry planted secrets (which must never reach the report).
 */
final class AllureResultsFixture {
    static final String GENERATED_PASSWORD = "Drill-Gen-7f3kQ9zLx2";
    static final String BEARER_TOKEN = "eyJhbGciOiJIUzI1NiJ9.cGxhbnRlZA.sig-Xy7";
    static final String SK_KEY = "sk-lf-planted-0a1b2c3d4e";
    static final String URL_PASSWORD = "UrlPw-Planted-55";
    static final String JSON_SECRET = "JsonSecret-Planted-66";
    static final List<String> PLANTED = List.of(GENERATED_PASSWORD, BEARER_TOKEN, SK_KEY, URL_PASSWORD, JSON_SECRET);

    static final String PASSED_TEST = "mongodb restore";
    static final String FAILED_TEST = "postgres RPO";
    static final String RPO_MESSAGE = "RPO breach: postgres backup pg_2026-11-23.sql.gz is 30 h old; RPO is 24 h.";

    private AllureResultsFixture() {}

    static Path write(Path dir, long startMillis) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("1b2c-attachment.txt"), String.join("\n",
                "restore log of postgres",
                "psql -U drill with password " + GENERATED_PASSWORD,
                "Authorization: Bearer " + BEARER_TOKEN,
                "LANGFUSE_SECRET_KEY=" + SK_KEY,
                "connecting to postgres://drill:" + URL_PASSWORD + "@db:5432/librechat",
                "{\"user\":\"drill\",\"secret\":\"" + JSON_SECRET + "\"}",
                "COPY 120"));
        Files.writeString(dir.resolve("aaa1-result.json"), result("aaa1", "h-mongo", PASSED_TEST, "passed",
                null, startMillis, "[]"));
        Files.writeString(dir.resolve("bbb2-result.json"), result("bbb2", "h-pg", FAILED_TEST, "failed",
                RPO_MESSAGE, startMillis + 1000,
                "[{\"name\":\"restore log\",\"source\":\"1b2c-attachment.txt\",\"type\":\"text/plain\"}]"));
        return dir;
    }

    private static String result(String uuid, String historyId, String name, String status, String message,
            long start, String attachments) {
        String details = message == null ? "{}"
                : "{\"message\":\"" + message + "\",\"trace\":\"java.lang.AssertionError: " + message
                        + "\\n\\tusing postgres://drill:" + URL_PASSWORD + "@db/app\"}";
        return """
                {"uuid":"%s","historyId":"%s","testCaseId":"%s","fullName":"dev.restoredrill.QuarterlyDrill.%s",
                 "name":"%s","status":"%s","statusDetails":%s,"stage":"finished","start":%d,"stop":%d,
                 "labels":[{"name":"suite","value":"Quarterly drill"},{"name":"framework","value":"junit-platform"}],
                 "steps":[{"name":"restore %s","status":"%s","stage":"finished","start":%d,"stop":%d,
                           "steps":[],"attachments":[],"parameters":[]}],
                 "attachments":%s,"parameters":[]}
                """.formatted(uuid, historyId, historyId, historyId, name, status, details, start, start + 900,
                name, status, start, start + 800, attachments);
    }
}
