package dev.restoredrill.reference.chat;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayPolicyTest {

    private static final String RAW_KEY = "sk-drill-0123456789abcdef";
    private static final GatewayKey KEY = GatewayKey.fromRawKey(RAW_KEY);
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static GatewayVerdict judge(VerificationTokenRow row) {
        return GatewayPolicy.judge(KEY, Optional.ofNullable(row), NOW);
    }

    private static VerificationTokenRow row(double spend, Double maxBudget, Instant expires, Boolean blocked) {
        return new VerificationTokenRow(KEY.tokenHash(), spend, maxBudget, expires, blocked);
    }

    @Test
    void theKeyIsLookedUpByItsSha256Hex() {
        // sha256("sk-drill-0123456789abcdef"), as LiteLLM's hash_token computes it.
        assertThat(KEY.tokenHash()).hasSize(64).matches("[0-9a-f]{64}")
                .isEqualTo(GatewayKey.sha256Hex(RAW_KEY));
        assertThat(GatewayKey.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aValidRowIsAccepted() {
        assertThat(judge(row(1.5, 10.0, NOW.plusSeconds(3600), false)).accepted()).isTrue();
        assertThat(judge(row(99.0, null, null, null)).accepted()).as("no budget, no expiry, blocked null").isTrue();
    }

    @Test
    void aMissingRowIsRejectedNamingTheTable() {
        GatewayVerdict verdict = judge(null);

        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.reason()).isEqualTo("gateway key rejected: no LiteLLM_VerificationToken row for this"
                + " key's sha256 (" + KEY.tokenHash().substring(0, 12) + "…); was the table restored, and is"
                + " LITELLM_API_KEY production's key?");
    }

    @Test
    void aBlockedKeyIsRejected() {
        assertThat(judge(row(0, null, null, true)).reason()).contains("is blocked");
    }

    @Test
    void anExpiredKeyIsRejectedWithItsExpiry() {
        GatewayVerdict verdict = judge(row(0, null, NOW, false));

        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.reason()).contains("key expired at 2026-03-01T10:00:00Z");
    }

    @Test
    void aKeyAtOrOverBudgetIsRejectedWithBothAmounts() {
        assertThat(judge(row(10.0, 10.0, null, false)).reason())
                .isEqualTo("gateway key rejected: budget exceeded: spend 10 >= max_budget 10");
        assertThat(judge(row(12.5, 10.0, null, false)).reason()).contains("spend 12.5 >= max_budget 10");
        assertThat(judge(row(9.99, 10.0, null, false)).accepted()).isTrue();
    }

    @Test
    void noVerdictRevealsTheRawKey() {
        for (VerificationTokenRow row : new VerificationTokenRow[] {null, row(0, null, null, true),
                row(0, null, NOW.minusSeconds(1), false), row(5, 1.0, null, false)}) {
            assertThat(judge(row).reason()).doesNotContain(RAW_KEY).doesNotContain("0123456789abcdef");
        }
    }
}
