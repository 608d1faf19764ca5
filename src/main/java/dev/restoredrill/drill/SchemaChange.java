package dev.restoredrill.drill;

import dev.restoredrill.migrations.SchemaFingerprint;
import dev.restoredrill.migrations.SchemaRuleCheck;
import dev.restoredrill.scenario.SchemaRule;

import java.util.List;
import java.util.Optional;

/**
 * The restored stores' schema as restored from the backup and as the apps left it after they started (their
 * migrations), the difference, and the scenario's rules for what must not change. Empty fingerprints when they could
 * not be read ({@code notRead} says why).
 */
public record SchemaChange(Optional<SchemaFingerprint> restored, Optional<SchemaFingerprint> afterStart,
                           Optional<String> notRead, List<SchemaRule> mustNot) {

    public SchemaChange {
        mustNot = List.copyOf(mustNot);
    }

    public SchemaChange(Optional<SchemaFingerprint> restored, Optional<SchemaFingerprint> afterStart,
                        Optional<String> notRead) {
        this(restored, afterStart, notRead, SchemaRule.DEFAULT);
    }

    public List<String> diff() {
        return restored.isPresent() && afterStart.isPresent() ? restored.get().diff(afterStart.get()) : List.of();
    }

    /** The changes the scenario's {@code schema: must_not:} forbids, one line each, naming table and column. */
    public List<String> violations() {
        return restored.isPresent() && afterStart.isPresent()
                ? SchemaRuleCheck.violations(restored.get(), afterStart.get(), mustNot) : List.of();
    }
}
