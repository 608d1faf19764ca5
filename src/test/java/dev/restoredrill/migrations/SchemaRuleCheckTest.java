package dev.restoredrill.migrations;

import dev.restoredrill.scenario.SchemaRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The scenario's schema rules against the real shape of LiteLLM v1.77.7's migrations (prisma.txt next to its stand-in). */
class SchemaRuleCheckTest {

    private static SchemaFingerprint of(Set<String> populated, String... lines) {
        return new SchemaFingerprint(new TreeSet<>(List.of(lines)), new TreeSet<>(populated));
    }

    private static final String MCP = "postgres/litellm table public.LiteLLM_MCPServerTable";
    private static final String SPEC = "postgres/litellm column public.LiteLLM_MCPServerTable.spec_version text not null";
    private static final String TOKENS = "postgres/litellm table public.LiteLLM_VerificationToken";
    private static final String TOKEN_KEY = "postgres/litellm column public.LiteLLM_VerificationToken.token text not null";

    @Test
    void droppingAColumnOfAnEmptyTableIsNoDataLossButIsADropColumn() {
        SchemaFingerprint restored = of(Set.of("postgres/litellm public.LiteLLM_VerificationToken"), MCP, SPEC, TOKENS,
                TOKEN_KEY);
        SchemaFingerprint after = of(Set.of(), MCP, TOKENS, TOKEN_KEY,
                "postgres/litellm column public.LiteLLM_VerificationToken.auto_rotate boolean");
        assertThat(SchemaRuleCheck.violations(restored, after, SchemaRule.DEFAULT)).isEmpty();
        assertThat(SchemaRuleCheck.violations(restored, after, List.of(SchemaRule.DROP_COLUMN)))
                .containsExactly("drop-column: postgres/litellm column public.LiteLLM_MCPServerTable.spec_version");
    }

    @Test
    void droppingAColumnOrTableThatHeldRowsIsNamedWithItsTable() {
        SchemaFingerprint restored = of(Set.of("postgres/litellm public.LiteLLM_MCPServerTable",
                "clickhouse default.traces_null"), MCP, SPEC, "clickhouse table default.traces_null Null",
                "clickhouse column default.traces_null.id String");
        SchemaFingerprint after = of(Set.of(), MCP);
        assertThat(SchemaRuleCheck.violations(restored, after, SchemaRule.DEFAULT)).containsExactlyInAnyOrder(
                "drop-column-with-data: postgres/litellm column public.LiteLLM_MCPServerTable.spec_version (table "
                        + "public.LiteLLM_MCPServerTable held rows as restored)",
                "drop-table-with-data: clickhouse table default.traces_null (it held rows as restored)");
    }

    @Test
    void aChangedTypeAndADroppedIndexCountOnlyWhenTheScenarioForbidsThem() {
        SchemaFingerprint restored = of(Set.of(), TOKENS, TOKEN_KEY,
                "postgres/litellm index public.tok_idx public.\"LiteLLM_VerificationToken\" USING btree (token)",
                "mongodb collection LibreChat.users", "mongodb index LibreChat.users email_1 {\"email\": 1} unique");
        SchemaFingerprint after = of(Set.of(), TOKENS,
                "postgres/litellm column public.LiteLLM_VerificationToken.token character varying not null",
                "mongodb collection LibreChat.users");
        assertThat(SchemaRuleCheck.violations(restored, after, SchemaRule.DEFAULT)).isEmpty();
        assertThat(SchemaRuleCheck.violations(restored, after, List.of(SchemaRule.CHANGE_COLUMN_TYPE,
                SchemaRule.DROP_INDEX))).containsExactlyInAnyOrder(
                "change-column-type: postgres/litellm column public.LiteLLM_VerificationToken.token: text not null → "
                        + "character varying not null",
                "drop-index: postgres/litellm index public.tok_idx",
                "drop-index: mongodb index LibreChat.users.email_1");
    }
}
