package dev.restoredrill.scenario;

import dev.restoredrill.store.CheckKind;
import dev.restoredrill.store.StoreType;

/**
 * A query against the restored Postgres.
 *
 * @param database the database to connect to, e.g. {@code litellm} or {@code langfuse}
 * @param sql      a query whose first row's first column is the measured value
 */
public record SqlCheck(String name, Severity severity, String database, String sql, Expectation expectation)
        implements CheckPlan {

    public SqlCheck {
        Plans.requireText(name, "name");
        Plans.requireNonNull(severity, "severity");
        Plans.requireText(database, "database");
        Plans.requireText(sql, "sql");
        Plans.requireNonNull(expectation, "expectation");
    }

    @Override
    public String store() {
        return StoreType.POSTGRES.storeName();
    }

    @Override
    public CheckKind kind() {
        return CheckKind.SQL;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.sql(this);
    }

    @Override
    public String describe() {
        return store() + " " + database + ": " + expectation.describe();
    }
}
