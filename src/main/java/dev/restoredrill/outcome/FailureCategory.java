package dev.restoredrill.outcome;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Why a drill failed, in the words the report, the summary and the evidence use. Every failure message starts
 * with its category's name ({@link #message}), and the report's categories (Allure's categories.json) are made
 * from these: its {@link #allureRegex} matches the prefix, and keywords for messages from outside the drill's
 * code that carry no prefix (a library's "CRC mismatch"). The message contract is in evidence/EVIDENCE.md.
 */
public enum FailureCategory {
    RPO_BREACH("RPO breach", ".*\\bRPO\\b.*"),
    CORRUPT_BACKUP("Corrupt backup", "(?i).*(?:corrupt|truncated|\\bCRC\\b|hostile|not gzip).*"),
    RESTORE_FAILURE("Restore failure", "(?i).*(?:restore fail(?:ed|ure)|\\bpsql\\b).*"),
    DATA_LOSS("Data loss", "(?i).*(?:data loss|completeness|expected \\d+ .* found \\d+|missing).*"),
    JOURNEY_FAILURE("Journey failure", "(?i).*\\bjourney\\b.*"),
    CHECK_FAILURE("Check failure", "(?i).*\\bcheck\\b.*"),
    RTO_MISSED("RTO missed", "(?i).*\\bRTO missed\\b.*"),
    /** The drill stack could reach outside itself, or its isolation could not be shown (issue 12). */
    ISOLATION_BREACH("Isolation breach", "(?i).*\\begress probe\\b.*"),
    /** The stores' backups of the restored set are further apart than the scenario's {@code backups.max_skew}. */
    BACKUP_SKEW("Backup skew", "(?i).*\\bbackup skew\\b.*"),
    /** An app's start could not migrate the restored stores, or migrated them in a way the scenario forbids. */
    MIGRATION_FAILURE("Migration failure", "(?i).*(?:\\bmigration failed\\b|\\bfailed migration\\b|\\bschema ahead of the images\\b"
            + "|\\bdirty migration\\b).*"),
    /** Something in the drill itself broke (an unexpected exception): the drill cannot vouch for that step. */
    DRILL_ERROR("Drill error", "(?i)^Drill error: .*");

    private final String label;
    private final Pattern allureRegex;

    FailureCategory(String label, String keywords) {
        this.label = label;
        this.allureRegex = Pattern.compile("(?:" + Pattern.quote(label) + ": .*|" + keywords + ")", Pattern.DOTALL);
    }

    /** The category's name, as the report lists it and as every message of it starts. */
    public String label() {
        return label;
    }

    /** The message of a failure of this category: "Data loss: " + detail. */
    public String message(String detail) {
        return label + ": " + detail;
    }

    /** A failure of this category. */
    public Failure failure(String detail) {
        return new Failure(this, message(detail));
    }

    /** What Allure matches (DOTALL, whole message) to list a failed test under this category. */
    public String allureRegex() {
        return allureRegex.pattern();
    }

    /** The categories a message lands in, in declaration order (Allure lists a test under each). */
    public static List<FailureCategory> matching(String message) {
        return Arrays.stream(values()).filter(c -> c.matches(message)).toList();
    }

    public boolean matches(String message) {
        return message != null && allureRegex.matcher(message).matches();
    }
}
