package dev.restoredrill.evidence;

/**
 * A failure of the previous drill, as this drill found it.
 *
 * @param key             the failure's key ({@link FailureKeys})
 * @param previousDrill   the previous drill's report folder, e.g. {@code 2026-Q3}
 * @param previousMessage the failure as the previous drill found it
 * @param status          {@value #FIXED} or {@value #STILL_FAILING}
 * @param ticket          the ticket recorded for it, carried over; null when none
 */
public record CorrectiveAction(String key, String previousDrill, String previousMessage, String status,
        String ticket) {
    public static final String FIXED = "fixed";
    public static final String STILL_FAILING = "still failing";
}
