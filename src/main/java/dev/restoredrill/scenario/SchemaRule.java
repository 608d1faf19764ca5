package dev.restoredrill.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A schema change the apps' start (their migrations) must not make, as a scenario names it under
 * {@code schema: must_not:}. "With data" means the table held rows as restored from the backup: dropping an empty
 * table's column loses nothing, dropping one that holds rows loses them.
 */
public enum SchemaRule {
    DROP_TABLE_WITH_DATA("drop-table-with-data", "drop a table that holds data"),
    DROP_COLUMN_WITH_DATA("drop-column-with-data", "drop a column of a table that holds data"),
    DROP_TABLE("drop-table", "drop any table or collection"),
    DROP_COLUMN("drop-column", "drop any column"),
    CHANGE_COLUMN_TYPE("change-column-type", "change a column's type or nullability"),
    DROP_INDEX("drop-index", "drop an index");

    /** What a scenario without a {@code schema:} section forbids: losing restored data. */
    public static final List<SchemaRule> DEFAULT = List.of(DROP_TABLE_WITH_DATA, DROP_COLUMN_WITH_DATA);

    private final String label;
    private final String meaning;

    SchemaRule(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    /** For messages: "must not drop a column of a table that holds data". */
    public String meaning() {
        return meaning;
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(SchemaRule::label).toList();
    }

    public static Optional<SchemaRule> byLabel(String label) {
        return Arrays.stream(values()).filter(rule -> rule.label.equals(label)).findFirst();
    }
}
