package dev.restoredrill.reference.chat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * LiteLLM's virtual-key check (proxy/auth/user_api_key_auth.py): the key's sha256 must have a row that is not
 * blocked, not expired, and under its budget. The drill's point: a restored Postgres whose token table lost
 * rows, or whose clock-relative data expired, breaks chats exactly as production would.
 */
final class GatewayPolicy {

    private GatewayPolicy() {
    }

    static GatewayVerdict judge(GatewayKey key, Optional<VerificationTokenRow> found, Instant now) {
        if (found.isEmpty()) {
            return GatewayVerdict.reject("no LiteLLM_VerificationToken row for this key's sha256 ("
                    + key.shortHash() + "); was the table restored, and is LITELLM_API_KEY production's key?");
        }
        VerificationTokenRow row = found.get();
        if (Boolean.TRUE.equals(row.blocked())) {
            return GatewayVerdict.reject("the key (token " + key.shortHash() + ") is blocked");
        }
        if (row.expires() != null && !row.expires().isAfter(now)) {
            return GatewayVerdict.reject("key expired at " + row.expires() + " (now " + now + ")");
        }
        if (row.maxBudget() != null && row.spend() >= row.maxBudget()) {
            return GatewayVerdict.reject("budget exceeded: spend " + plain(row.spend())
                    + " >= max_budget " + plain(row.maxBudget()));
        }
        return GatewayVerdict.accept();
    }

    private static String plain(double amount) {
        return BigDecimal.valueOf(amount).stripTrailingZeros().toPlainString();
    }
}
