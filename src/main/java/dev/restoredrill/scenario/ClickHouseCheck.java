package dev.restoredrill.scenario;

import dev.restoredrill.store.CheckKind;
import dev.restoredrill.store.StoreType;

/**
 * A query against the restored ClickHouse, sent over its HTTP interface.
 *
 * @param database the database the query runs in ({@code default} unless the scenario says otherwise)
 * @param sql      a query whose first row's first column is the measured value
 */
public record ClickHouseCheck(String name, Severity severity, String database, String sql,
                              Expectation expectation) implements CheckPlan {

    public static final String DEFAULT_DATABASE = "default";

    public ClickHouseCheck {
        Plans.requireText(name, "name");
        Plans.requireNonNull(severity, "severity");
        Plans.requireText(database, "database");
        Plans.requireText(sql, "sql");
        Plans.requireNonNull(expectation, "expectation");
    }

    @Override
    public String store() {
        return StoreType.CLICKHOUSE.storeName();
    }

    @Override
    public CheckKind kind() {
        return CheckKind.CLICKHOUSE_SQL;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.clickhouse(this);
    }

    @Override
    public String describe() {
        return store() + " " + database + ": " + expectation.describe();
    }
}
