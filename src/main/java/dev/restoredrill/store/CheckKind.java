package dev.restoredrill.store;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a scenario check measures, chosen by the check ({@code kind:}); each {@link StoreType} says which kinds
 * it accepts and which one a check gets when it names none.
 */
public enum CheckKind {
    /** A read-only SQL query against the restored Postgres. */
    SQL("sql"),
    /** A document count or newest field value in the restored MongoDB. */
    MONGO("mongo"),
    /** A read-only SQL query over ClickHouse's HTTP interface. */
    CLICKHOUSE_SQL("clickhouse-sql"),
    /** An object count or newest object in a bucket of the restored S3 store. */
    S3_OBJECTS("s3-objects"),
    /** Postgres amcheck: {@code bt_index_check(index, heapallindexed)} on every B-tree index. */
    PG_AMCHECK("pg-amcheck", true),
    /** Postgres: every row of every table read ({@code COPY … TO STDOUT} into a counting sink). */
    PG_FULL_READ("pg-full-read", true),
    /** ClickHouse: {@code CHECK TABLE} on every MergeTree table. */
    CLICKHOUSE_CHECK_TABLE("clickhouse-check-table", true),
    /** ClickHouse: {@code SELECT * … FORMAT Null} of every table with data. */
    CLICKHOUSE_FULL_READ("clickhouse-full-read", true),
    /** MongoDB: the {@code validate} command on every collection. */
    MONGO_VALIDATE("mongo-validate", true),
    /** S3: every object's size and checksum against the backup tarball (a stated sample of a large bucket). */
    S3_VERIFY("s3-verify", true);

    private final String label;
    private final boolean integrity;

    CheckKind(String label) {
        this(label, false);
    }

    CheckKind(String label, boolean integrity) {
        this.label = label;
        this.integrity = integrity;
    }

    /**
     * An engine-native integrity probe: it measures no value against an {@code expect}, it passes when the store's
     * own checks find nothing wrong.
     */
    public boolean integrity() {
        return integrity;
    }

    /** The name scenarios use, e.g. {@code sql}. */
    public String label() {
        return label;
    }

    public static Optional<CheckKind> byLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
    }

    public static List<String> labels(List<CheckKind> kinds) {
        return kinds.stream().map(CheckKind::label).toList();
    }
}
