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
    S3_OBJECTS("s3-objects");

    private final String label;

    CheckKind(String label) {
        this.label = label;
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
