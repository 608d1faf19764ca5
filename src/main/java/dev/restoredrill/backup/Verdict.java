package dev.restoredrill.backup;

import java.util.Collection;
import java.util.List;

/** A store's (or the whole catalog's) outcome. Worst first in severity: ERROR, FAIL, PASS. */
public enum Verdict {
    /** The newest backup is there, intact, readable as its format, and within its RPO. */
    PASS,
    /** The backup is missing, too old, damaged, incomplete, hostile, or changed during the drill. */
    FAIL,
    /** The catalog could not check the backup (e.g. the file cannot be read): nothing is known about it. */
    ERROR;

    static Verdict of(String error, List<String> failures) {
        return error != null ? ERROR : failures.isEmpty() ? PASS : FAIL;
    }

    static Verdict worst(Collection<Verdict> verdicts) {
        return verdicts.contains(ERROR) ? ERROR : verdicts.contains(FAIL) ? FAIL : PASS;
    }
}
