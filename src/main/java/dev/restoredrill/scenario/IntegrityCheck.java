package dev.restoredrill.scenario;

import dev.restoredrill.store.CheckKind;
import dev.restoredrill.store.StoreType;
import java.util.List;

/**
 * An engine-native integrity probe of one restored store (pgbackrest_auto's amcheck, DBCC CHECKDB's kind of
 * check): it passes when the store's own checks find nothing wrong, so it has no {@code expect}. What each kind
 * runs is on {@link CheckKind}; the report says what the probe looked at and how long it took.
 *
 * @param store     the store probed, e.g. {@code postgres}
 * @param kind      one of the integrity kinds its store accepts ({@link CheckKind#integrity()})
 * @param databases the databases to probe (Postgres, ClickHouse, MongoDB); empty: every database the store has
 * @param sample    S3 only: every object is verified up to this many, a stated sample of about this many above
 */
public record IntegrityCheck(String name, String store, CheckKind kind, Severity severity, List<String> databases,
                             long sample) implements CheckPlan {

    /** Objects an {@code s3-verify} check verifies in full before it samples. */
    public static final long DEFAULT_SAMPLE = 1000;

    public IntegrityCheck {
        Plans.requireText(name, "name");
        Plans.requireText(store, "store");
        Plans.requireNonNull(kind, "kind");
        Plans.requireNonNull(severity, "severity");
        databases = List.copyOf(databases);
        StoreType type = StoreType.byName(store).orElseThrow(() -> new IllegalArgumentException(
                "unknown store " + store));
        if (!kind.integrity() || !type.checkKinds().contains(kind)) {
            throw new IllegalArgumentException(kind.label() + " is not an integrity check of " + store);
        }
        if (sample < 1) {
            throw new IllegalArgumentException("sample must be at least 1, was " + sample);
        }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.integrity(this);
    }

    @Override
    public Expectation expectation() {
        return new Expectation.Sound();
    }

    /** Which part of the store the probe covers, e.g. {@code every database} or {@code databases litellm, langfuse}. */
    public String scope() {
        if (kind == CheckKind.S3_VERIFY) {
            return "every object, or a sample of about " + sample + " when the backup holds more";
        }
        return databases.isEmpty() ? "every database" : "databases " + String.join(", ", databases);
    }

    @Override
    public String describe() {
        return store + " " + kind.label() + " (" + scope() + "): " + expectation().describe();
    }
}
