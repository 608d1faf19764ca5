package dev.restoredrill.verify;

import dev.restoredrill.outcome.SecretMasker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The secret shapes of the app journey's HTTP traffic and the stores' connection strings, masked. */
class HttpSecretMaskingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Bearer header       | Authorization: Bearer eyJhbGciOi.payload.sig           | Authorization: Bearer ******",
            "Bearer in JSON      | {\"auth\":\"Bearer abc.def\"}                          | {\"auth\":\"Bearer ******\"}",
            "password field      | {\"email\":\"a@b.c\", \"password\" : \"hunter2!\"}     | {\"email\":\"a@b.c\", \"password\" : \"******\"}",
            "token field         | {\"token\":\"eyJ0eXAi.x.y\",\"user\":{}}                | {\"token\":\"******\",\"user\":{}}",
            "tempToken field     | {\"twoFAPending\":true,\"tempToken\":\"t-123\"}        | {\"twoFAPending\":true,\"tempToken\":\"******\"}",
            "sk- key             | gateway key sk-1234abcd_EF-gh rejected                 | gateway key sk-****** rejected",
            "URL credentials     | mongodb://drill:s3cr3t@mongo:27017/LibreChat           | mongodb://drill:******@mongo:27017/LibreChat",
    })
    void masksEachSecretShape(String shape, String text, String masked) {
        assertThat(SecretMasker.of(List.of()).mask(text)).isEqualTo(masked);
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "{\"conversationId\":\"c1\",\"promptTokens\":12,\"tokenCount\":3,\"text\":\"sk-short ok\"}";
        assertThat(SecretMasker.of(List.of()).mask(text)).isEqualTo(text);
    }

    @Test
    void knownLiteralsNeverSurviveInAnySpellingTheyTravelIn() {
        String password = "p@ss w/rd\"x";
        String text = "raw " + password
                + " form p%40ss+w%2Frd%22x"
                + " json {\"note\":\"p@ss w\\/rd\\\"x\"}"
                + " in a message: login failed for p@ss w/rd\"x.";
        String masked = SecretMasker.of(List.of(password, "", "  ")).mask(text);
        assertThat(masked).doesNotContain("p@ss", "p%40ss", "w/rd", "w\\/rd").contains("raw ******", "form ******");
    }

    @Test
    void aLongerSecretContainingAShorterOneIsMaskedWhole() {
        assertThat(SecretMasker.of(List.of("abcdef", "abcdef123456")).mask("key=abcdef123456")).isEqualTo("key=******");
    }

    @Test
    void nullAndEmptyStayAsTheyAre() {
        assertThat(SecretMasker.of(List.of("x")).mask(null)).isNull();
        assertThat(SecretMasker.of(List.of("x")).mask("")).isEmpty();
    }

    @Test
    void storeConnectionsNeverPrintTheirSecrets() {
        StoreConnections stores = new StoreConnections(
                new StoreConnections.Postgres("db", 5432, "drill", "pgSecret1"),
                new StoreConnections.Mongo("mongodb://root:mongoSecret2@db:27017"),
                new StoreConnections.ClickHouse("http://db:8123", "drill", "chSecret3"),
                new StoreConnections.S3("http://db:9000", "drill", "s3Secret4"));
        assertThat(stores.toString()).doesNotContain("pgSecret1", "mongoSecret2", "chSecret3", "s3Secret4")
                .contains("drill:******@db:5432", "mongodb://root:******@db:27017", "http://db:9000");
        assertThat(stores.secrets()).contains("pgSecret1", "mongoSecret2", "chSecret3", "s3Secret4");
        assertThat(stores.postgres().jdbcUrl("litellm")).isEqualTo("jdbc:postgresql://db:5432/litellm");
        assertThat(new DrillAccount("drill@example.org", "pw-xyz").toString()).doesNotContain("pw-xyz");
    }
}
