package dev.restoredrill.reference.chat;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigParsingTest {

    private static final Map<String, String> ENV = Map.of(
            "DATABASE_URL", "postgresql://drill:p%40ss:w0rd@postgres:5432/litellm",
            "JWT_SECRET", "jwt-secret-value",
            "LITELLM_API_KEY", "sk-live-abcdefghijklmnop",
            "MODEL_API_BASE", "http://model:8080/v1");

    @Test
    void databaseUrlBecomesJdbcWithTheDecodedPassword() {
        PostgresTarget target = PostgresTarget.parse("postgresql://drill:p%40ss:w0rd@postgres:5432/litellm");

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://postgres:5432/litellm");
        assertThat(target.user()).isEqualTo("drill");
        assertThat(target.password()).isEqualTo("p@ss:w0rd");
        assertThat(PostgresTarget.parse("postgres://u:x@db/litellm?sslmode=disable").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db:5432/litellm?sslmode=disable");
    }

    @Test
    void aBadDatabaseUrlIsExplainedWithoutItsPassword() {
        assertThatThrownBy(() -> PostgresTarget.parse("mysql://u:hunter2@db/litellm"))
                .isInstanceOf(StandInException.class).hasMessageContaining("postgresql://")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> PostgresTarget.parse("postgresql://u:hunter2@db:5432/"))
                .hasMessageContaining("names no database").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> PostgresTarget.parse("postgresql://u:hun ter2@db/x"))
                .isInstanceOf(StandInException.class).hasMessageNotContaining("hun ter2");
    }

    @Test
    void theConfigDefaultsAsLibreChatAndPrintsNoSecret() {
        StandInConfig config = StandInConfig.fromEnvironment(ENV);

        assertThat(config.port()).isEqualTo(3080);
        assertThat(config.mongoUri()).isEqualTo("mongodb://mongodb:27017/LibreChat");
        assertThat(config.protocol()).isEqualTo(ChatProtocol.TWO_PHASE);
        assertThat(config.toString()).contains("postgres:5432/litellm as drill")
                .doesNotContain("p@ss").doesNotContain("p%40ss").doesNotContain("jwt-secret-value")
                .doesNotContain("sk-live-abcdefghijklmnop");
        assertThat(config.postgres().toString()).doesNotContain("p@ss");
        assertThat(config.modelApiBase()).hasToString("http://model:8080/v1");
    }

    @Test
    void theModelServiceMustBeNamedAndCarryNoCredentials() {
        Map<String, String> noModel = new java.util.HashMap<>(ENV);
        noModel.remove("MODEL_API_BASE");
        assertThatThrownBy(() -> StandInConfig.fromEnvironment(noModel)).hasMessageContaining("MODEL_API_BASE is not set");
        Map<String, String> withPassword = new java.util.HashMap<>(ENV);
        withPassword.put("MODEL_API_BASE", "https://user:sk-secret@api.example.com/v1");
        assertThatThrownBy(() -> StandInConfig.fromEnvironment(withPassword))
                .hasMessageContaining("no credentials").hasMessageNotContaining("sk-secret");
    }

    @Test
    void missingOrBadSettingsAreNamed() {
        assertThatThrownBy(() -> StandInConfig.fromEnvironment(Map.of("DATABASE_URL", "postgresql://u@h/db")))
                .hasMessageContaining("JWT_SECRET is not set");
        Map<String, String> noKey = Map.of("DATABASE_URL", "postgresql://u@h/db", "JWT_SECRET", "x");
        assertThatThrownBy(() -> StandInConfig.fromEnvironment(noKey)).hasMessageContaining("LITELLM_API_KEY");
        Map<String, String> badProtocol = new java.util.HashMap<>(ENV);
        badProtocol.put("CHAT_PROTOCOL", "three-phase");
        assertThatThrownBy(() -> StandInConfig.fromEnvironment(badProtocol))
                .hasMessageContaining("two-phase, one-phase").hasMessageContaining("three-phase");
    }
}
