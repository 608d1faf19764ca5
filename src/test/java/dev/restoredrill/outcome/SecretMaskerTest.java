package dev.restoredrill.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretMaskerTest {
    private final SecretMasker masker = new SecretMasker();

    @Test
    void masksRegisteredLiteralsVerbatimAndJsonEscaped() {
        masker.register("Gen3rated\"Pass\\word").register("plain-drill-pw-42").register(" ").register(null);

        assertThat(masker.mask("psql failed for plain-drill-pw-42 twice: plain-drill-pw-42"))
                .isEqualTo("psql failed for ****** twice: ******");
        assertThat(masker.mask("{\"note\":\"was Gen3rated\\\"Pass\\\\word here\"}"))
                .isEqualTo("{\"note\":\"was ****** here\"}");
        assertThat(masker.mask("a b c")).as("blank and null are not registered").isEqualTo("a b c");
    }

    @Test
    void masksSecretValuesOfEnvironmentVariablesOnly() {
        masker.registerSecretEnvironment(Map.of("POSTGRES_PASSWORD", "pgpw-1", "LANGFUSE_SECRET_KEY", "lfsec-2",
                "OPENAI_API_KEY", "oak-3", "HOME", "/root", "MONGO_TOKEN", "mt-4"));

        assertThat(masker.mask("pgpw-1 lfsec-2 oak-3 mt-4 /root")).isEqualTo("****** ****** ****** ****** /root");
    }

    @Test
    void masksBearerAndBasicCredentialsAndKeepsJsonValid() throws Exception {
        String masked = masker.mask("{\"headers\":{\"X\":\"Bearer eyJhbGciOi.J9.abc-_\"}}\n"
                + "Authorization: Basic dXNlcjpwYXNzd29yZA==");

        assertThat(masked).doesNotContain("eyJhbGciOi").doesNotContain("dXNlcjpw").contains("Bearer ******")
                .contains("Basic ******");
        JsonNode json = new ObjectMapper().readTree(masked.lines().findFirst().orElseThrow());
        assertThat(json.at("/headers/X").asText()).isEqualTo("Bearer ******");
    }

    @Test
    void masksJsonSecretFieldsPlainAndEscaped() {
        String masked = masker.mask("{\"password\": \"hunter2\", \"apiKey\":\"k-123\", \"token\":\"t-9\","
                + " \"client_secret\":\"cs\", \"user\":\"alice\", \"max_tokens\": 100,"
                + " \"message\":\"body {\\\"password\\\":\\\"inner-pw\\\"}\"}");

        assertThat(masked).doesNotContain("hunter2", "k-123", "t-9", "\"cs\"", "inner-pw")
                .contains("\"password\": \"******\"", "\"apiKey\":\"******\"", "\"user\":\"alice\"",
                        "\"max_tokens\": 100", "\\\"password\\\":\\\"******\\\"");
    }

    @Test
    void masksOpenAiAndLangfuseKeysButNotWordsEndingInSk() {
        assertThat(masker.mask("key sk-abcDEF123456 and sk-lf-1a2b3c4d-5e6f, public pk-lf-1234abcd"))
                .isEqualTo("key sk-****** and sk-******, public pk-lf-1234abcd");
        assertThat(masker.mask("task-12345678 disk-abcdefgh sk-abc")).isEqualTo("task-12345678 disk-abcdefgh sk-abc");
    }

    @Test
    void masksPasswordsInConnectionStringsAndKeepsTheRest() {
        assertThat(masker.mask("postgres://drill:s3cr3t@db:5432/app and mongodb://root:p%40ss@mongo:27017/?x=1"))
                .isEqualTo("postgres://drill:******@db:5432/app and mongodb://root:******@mongo:27017/?x=1");
        assertThat(masker.mask("redis://:onlypw@cache:6379")).isEqualTo("redis://:******@cache:6379");
        assertThat(masker.mask("see http://host:8080/people/alice@example.org"))
                .as("a port and path before an @ is not a password")
                .isEqualTo("see http://host:8080/people/alice@example.org");
    }

    @Test
    void masksPasswordAssignmentsInCommandsAndQueryStrings() {
        assertThat(masker.mask("PGPASSWORD=pg-secret psql -U drill")).isEqualTo("PGPASSWORD=****** psql -U drill");
        assertThat(masker.mask("jdbc:postgresql://db/app?user=drill&password=jdbc-pw&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/app?user=drill&password=******&ssl=true");
        assertThat(masker.mask("jdbc:sqlserver://db;user=sa;password=mssql-pw;encrypt=false"))
                .isEqualTo("jdbc:sqlserver://db;user=sa;password=******;encrypt=false");
        assertThat(masker.mask("run --password=cli-pw --api_key=ak1"))
                .isEqualTo("run --password=****** --api_key=******");
    }

    @Test
    void masksSecretKeysInYamlAndHeaderLinesButNotProse() {
        assertThat(masker.mask("environment:\n  POSTGRES_PASSWORD: yaml-pw\n  POSTGRES_USER: drill\n"
                + "x-api-key: hdr-key\nRestore failure: password authentication failed for user drill"))
                .isEqualTo("environment:\n  POSTGRES_PASSWORD: ******\n  POSTGRES_USER: drill\n"
                        + "x-api-key: ******\nRestore failure: password authentication failed for user drill");
    }

    @Test
    void maskingTwiceChangesNothing() {
        masker.register("lit-pw-1");
        String once = masker.mask("lit-pw-1 Bearer abc postgres://u:p@h/d PGPASSWORD=x {\"token\":\"t\"} sk-1234567");
        assertThat(masker.mask(once)).isEqualTo(once);
    }

    @Test
    void masksFilesByteForByteOutsideTheSecrets(@TempDir Path dir) throws Exception {
        masker.register("pässwörd-ü");
        Path text = dir.resolve("log.txt");
        Files.writeString(text, "Données: pässwörd-ü\r\nlast line no newline Bearer tok", StandardCharsets.UTF_8);
        byte[] binary = new byte[512];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 7);
        }
        Path png = dir.resolve("shot.png");
        Files.write(png, binary);

        masker.maskFile(text, dir.resolve("log.masked"));
        masker.maskFile(png, dir.resolve("shot.masked"));

        assertThat(Files.readString(dir.resolve("log.masked"), StandardCharsets.UTF_8))
                .isEqualTo("Données: ******\r\nlast line no newline Bearer ******");
        assertThat(Files.readAllBytes(dir.resolve("shot.masked"))).isEqualTo(binary);
    }

    @Test
    void masksATreeKeepingItsLayout(@TempDir Path dir) throws Exception {
        Path from = Files.createDirectories(dir.resolve("results/nested"));
        Files.writeString(dir.resolve("results/a-result.json"), "{\"password\":\"x1\"}");
        Files.writeString(from.resolve("b-attachment.txt"), "PGPASSWORD=x2");

        int files = masker.maskTree(dir.resolve("results"), dir.resolve("copy"));

        assertThat(files).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("copy/a-result.json"))).isEqualTo("{\"password\":\"******\"}");
        assertThat(Files.readString(dir.resolve("copy/nested/b-attachment.txt"))).isEqualTo("PGPASSWORD=******");
        assertThat(Files.readString(dir.resolve("results/a-result.json"))).as("the source is left as it was")
                .contains("x1");
    }
}
