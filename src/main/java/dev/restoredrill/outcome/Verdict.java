package dev.restoredrill.outcome;

import java.util.Collection;

/**
 * The outcome of anything the drill judges (a backup, a restore, a check, a journey step, the whole drill), worst
 * first: ERROR (it could not be judged: nothing is known), FAIL (it was judged and fell short), NOT_SUPPORTED
 * (the server cannot do what was asked: not a pass), SKIPPED and NOT_RUN (nothing was proven either way), PASS.
 */
public enum Verdict {
    ERROR, FAIL, NOT_SUPPORTED, SKIPPED, NOT_RUN, PASS;

    /** True only for PASS: anything else proves nothing or something wrong. */
    public boolean passed() {
        return this == PASS;
    }

    /** A failure the drill must report: FAIL or ERROR. */
    public boolean failed() {
        return this == FAIL || this == ERROR;
    }

    /** The worst of some verdicts; PASS when there are none. */
    public static Verdict worst(Collection<Verdict> verdicts) {
        return verdicts.stream().min(Enum::compareTo).orElse(PASS);
    }
}
