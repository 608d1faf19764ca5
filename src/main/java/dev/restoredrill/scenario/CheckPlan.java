package dev.restoredrill.scenario;

import dev.restoredrill.store.CheckKind;

/**
 * One check of the restored data: it measures one value in one store and compares it with its
 * {@link Expectation}. Each check is its own test in the drill, so one failure hides no other.
 *
 * <p>What each kind measures:
 * <ul>
 *   <li>{@link SqlCheck}, {@link ClickHouseCheck}: the first column of the query's first row, a number
 *       or (for {@code newest within}) a timestamp; a query returning no rows fails the check.</li>
 *   <li>{@link MongoCheck}: the number of documents matching the filter, or the newest value of its
 *       field for {@code newest within}; {@code == backup} compares with the archive's count.</li>
 *   <li>{@link S3Check}: the number of objects under the prefix, or the newest last-modified time.</li>
 *   <li>{@link IntegrityCheck}: nothing against an expectation; it passes when the store's own integrity probe
 *       (amcheck, CHECK TABLE, validate, a full read, object checksums) finds no damage.</li>
 * </ul>
 */
public sealed interface CheckPlan permits SqlCheck, MongoCheck, ClickHouseCheck, S3Check, IntegrityCheck {

    /** Unique within the scenario; the test's name in the report. */
    String name();

    /** The name of the store the check runs against, e.g. {@code postgres}. */
    String store();

    /** What the check measures; the scenario's {@code kind}. */
    CheckKind kind();

    /** Calls the visitor's method for this check's kind: adding a kind adds a method every visitor must have. */
    <R> R accept(Visitor<R> visitor);

    Severity severity();

    Expectation expectation();

    /** A one-line account for reports, e.g. {@code postgres litellm: >= 1}. Never holds secrets. */
    String describe();

    /** Something done differently per kind of check, without casts. */
    interface Visitor<R> {
        R sql(SqlCheck check);

        R mongo(MongoCheck check);

        R clickhouse(ClickHouseCheck check);

        R s3(S3Check check);

        R integrity(IntegrityCheck check);
    }
}
