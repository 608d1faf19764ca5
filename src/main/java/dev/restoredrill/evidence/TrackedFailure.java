package dev.restoredrill.evidence;

/**
 * A failure of this drill with the key that follows it from drill to drill, and the operator's ticket for it.
 *
 * @param key     stable across drills, e.g. {@code rpo-breach/postgres} ({@link FailureKeys})
 * @param message the failure as found this time
 * @param ticket  the operator's ticket (from {@code -Ddrill.ticket}, {@code tickets.txt} or carried over from the
 *                previous drill), null when none was recorded
 */
public record TrackedFailure(String key, String message, String ticket) {
}
