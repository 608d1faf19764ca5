package dev.restoredrill.drill;

import dev.restoredrill.outcome.Failure;
import dev.restoredrill.outcome.FailureCategory;
import dev.restoredrill.outcome.Verdict;
import java.time.Duration;
import java.util.Optional;

/**
 * What the negative control found: a deliberately damaged copy of one backup, restored into a throw-away store,
 * must be caught by the drill's own checks. Detected: the checks can see damage (PASS). Not detected: the drill
 * fails, because then its green checks prove nothing.
 *
 * @param store      the store whose backup was damaged, e.g. postgres
 * @param damage     what was done to the copy
 * @param detectedBy the check that caught it first (e.g. "the restore", "pg-amcheck 'postgres amcheck'"); empty
 *                   when nothing did
 * @param detail     what that check said, or what ran without noticing
 * @param took       from the copy to the last check
 */
public record NegativeControlOutcome(String store, String damage, Optional<String> detectedBy, String detail,
                                     Duration took) {

    /** The name the report lists the control under. */
    public static final String NAME = "negative control";

    public boolean detected() {
        return detectedBy.isPresent();
    }

    public Verdict verdict() {
        return detected() ? Verdict.PASS : Verdict.FAIL;
    }

    /** "negative control: detected by the restore" or "negative control: NOT detected". */
    public String headline() {
        return NAME + ": " + detectedBy.map(check -> "detected by " + check).orElse("NOT detected");
    }

    /** One paragraph for the report. */
    public String message() {
        return headline() + " (" + store + " backup, damage: " + damage + "). " + detail;
    }

    /** An undetected control is a failure of the drill: its checks cannot be trusted. */
    public Optional<Failure> failure() {
        return detected() ? Optional.empty() : Optional.of(FailureCategory.CHECK_FAILURE.failure(NAME + ": a "
                + "deliberately damaged copy of the " + store + " backup (" + damage + ") was restored and passed "
                + "every check of the drill, so the checks cannot be trusted. " + detail));
    }
}
