package dev.restoredrill.verify;

/**
 * The result of a check or a journey step. FAIL means the restored data or app is wrong (the drill found a
 * problem); ERROR means the check could not measure at all (a store unreachable, a table missing, a bad query);
 * SKIPPED is for journey steps after a failed one, which prove nothing either way.
 */
public enum Verdict {
    PASS, FAIL, ERROR, SKIPPED
}
