package dev.restoredrill.evidence;

import dev.restoredrill.outcome.FailureCategory;

import dev.restoredrill.outcome.Failure;

import java.time.Duration;
import java.util.Optional;

/**
 * One RTO judgement: a store's restore (or the whole drill) against its target.
 *
 * @param subject  the store's name, or {@value #WHOLE_DRILL} for the drill's total
 * @param target   the scenario's {@code rto:}, null when it sets none
 * @param measured how long it took, null when it was not measured (the restore failed or never ran)
 * @param verdict  {@value #MET}, {@value #MISSED}, {@value #NO_TARGET} or {@value #NOT_MEASURED}
 */
public record RtoOutcome(String subject, Duration target, Duration measured, String verdict) {
    public static final String WHOLE_DRILL = "all stores";
    public static final String MET = "MET";
    public static final String MISSED = "MISSED";
    public static final String NO_TARGET = "NO TARGET";
    public static final String NOT_MEASURED = "NOT MEASURED";
    /** The failure category's name; the message starts with it (EVIDENCE.md, message contract). */

    /** A missed target only when both are known and measured &gt; target; equal meets it. */
    public static RtoOutcome judge(String subject, Duration target, Duration measured) {
        String verdict = measured == null ? NOT_MEASURED
                : target == null ? NO_TARGET
                : measured.compareTo(target) > 0 ? MISSED : MET;
        return new RtoOutcome(subject, target, measured, verdict);
    }

    public boolean missed() {
        return MISSED.equals(verdict);
    }

    /** "RTO missed: postgres took 1 h 5 min, target 1 h 0 min" when missed. */
    public Optional<Failure> failure() {
        return missed() ? Optional.of(FailureCategory.RTO_MISSED.failure(subject + " took "
                + HumanDuration.of(measured) + ", target " + HumanDuration.of(target))) : Optional.empty();
    }
}
