package dev.restoredrill.evidence;

import java.util.List;

/**
 * The drill's failure categories (categories.json). The stages' assertion messages start with the category's
 * name ("RPO breach: postgres backup is 30 h old, RPO 24 h"); the keywords also catch messages that do not
 * (a library's "Unexpected end of ZLIB input stream" will not, and lands in Allure's default categories).
 * The message contract is in EVIDENCE.md.
 */
public final class FailureCategories {
    private static final List<String> FAILED_OR_BROKEN = List.of("failed", "broken");

    public static final FailureCategory RPO_BREACH = category("RPO breach", ".*\\bRPO\\b.*");
    public static final FailureCategory CORRUPT_BACKUP =
            category("Corrupt backup", "(?i).*(?:corrupt|truncated|\\bCRC\\b|hostile|not gzip).*");
    public static final FailureCategory RESTORE_FAILURE =
            category("Restore failure", "(?i).*(?:restore fail(?:ed|ure)|\\bpsql\\b).*");
    public static final FailureCategory DATA_LOSS =
            category("Data loss", "(?i).*(?:data loss|completeness|expected \\d+ .* found \\d+|missing).*");
    public static final FailureCategory JOURNEY_FAILURE = category("Journey failure", "(?i).*\\bjourney\\b.*");
    public static final FailureCategory CHECK_FAILURE = category("Check failure", "(?i).*\\bcheck\\b.*");
    /** A restore, or the whole drill, took longer than the scenario's {@code rto:} (see {@link RtoOutcome}). */
    public static final FailureCategory RTO_MISSED = category(RtoOutcome.MISSED_PREFIX, ".*\\bRTO missed\\b.*");

    public static final List<FailureCategory> ALL = List.of(RPO_BREACH, CORRUPT_BACKUP, RESTORE_FAILURE, DATA_LOSS,
            JOURNEY_FAILURE, CHECK_FAILURE, RTO_MISSED);

    private FailureCategories() {}

    /** The categories a message lands in, in the order above (Allure lists a test under each). */
    public static List<FailureCategory> matching(String message) {
        return ALL.stream().filter(c -> c.matches(message)).toList();
    }

    private static FailureCategory category(String name, String regex) {
        return new FailureCategory(name, FAILED_OR_BROKEN, regex);
    }
}
