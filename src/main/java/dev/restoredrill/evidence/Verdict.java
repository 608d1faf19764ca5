package dev.restoredrill.evidence;

/** A drill's outcome: PASS, FAIL (the backups or the restored platform fell short), ERROR (the drill itself broke). */
public enum Verdict {
    PASS, FAIL, ERROR
}
