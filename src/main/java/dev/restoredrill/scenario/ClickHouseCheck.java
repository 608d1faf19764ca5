package dev.restoredrill.scenario;

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
        return KnownStore.CLICKHOUSE.storeName();
    }

    @Override
    public String describe() {
        return "clickhouse " + database + ": " + expectation.describe();
    }
}
