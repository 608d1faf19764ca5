package dev.restoredrill.migrations;

import dev.restoredrill.scenario.SchemaRule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario's {@code schema: must_not:} rules against the schema as restored and as the apps' start left it. A
 * fingerprint line is {@code <store> <kind> <name> [details]}; a table, column or index is known by its store, kind
 * and name (a MongoDB index also by its collection), so a changed type shows as the same column with other details.
 */
public final class SchemaRuleCheck {

    private SchemaRuleCheck() {
    }

    /** One line per violation, naming the rule, the store and the table/column/index, e.g. for the failure. */
    public static List<String> violations(SchemaFingerprint restored, SchemaFingerprint after, List<SchemaRule> rules) {
        Map<String, String> before = keyed(restored);
        Map<String, String> now = keyed(after);
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, String> entry : before.entrySet()) {
            String[] key = entry.getKey().split(" ", 3);
            String store = key[0];
            String kind = key[1];
            String name = key[2];
            String afterLine = now.get(entry.getKey());
            switch (kind) {
                case "table", "collection" -> {
                    if (afterLine == null) {
                        boolean data = restored.heldData(store, name);
                        rule(violations, rules, data ? SchemaRule.DROP_TABLE_WITH_DATA : null, SchemaRule.DROP_TABLE,
                                store + " " + kind + " " + name + (data ? " (it held rows as restored)" : ""));
                    }
                }
                case "column" -> {
                    String table = name.substring(0, name.lastIndexOf('.'));
                    boolean tableStays = now.containsKey(store + " table " + table);
                    if (afterLine == null && tableStays) {
                        boolean data = restored.heldData(store, table);
                        rule(violations, rules, data ? SchemaRule.DROP_COLUMN_WITH_DATA : null, SchemaRule.DROP_COLUMN,
                                store + " column " + name + (data ? " (table " + table + " held rows as restored)"
                                        : ""));
                    } else if (afterLine != null && !afterLine.equals(entry.getValue())) {
                        rule(violations, rules, null, SchemaRule.CHANGE_COLUMN_TYPE, store + " column " + name + ": "
                                + details(entry.getValue()) + " → " + details(afterLine));
                    }
                }
                case "index" -> {
                    if (afterLine == null) {
                        rule(violations, rules, null, SchemaRule.DROP_INDEX, store + " index " + name);
                    }
                }
                default -> {
                    // enums and other facts: shown in the diff, no rule of their own
                }
            }
        }
        return violations;
    }

    private static void rule(List<String> violations, List<SchemaRule> rules, SchemaRule withData, SchemaRule any,
                             String what) {
        if (withData != null && rules.contains(withData)) {
            violations.add(withData.label() + ": " + what);
        } else if (rules.contains(any)) {
            violations.add(any.label() + ": " + what);
        }
    }

    /** key (store, kind, name; a MongoDB index with its collection) → the whole line. */
    private static Map<String, String> keyed(SchemaFingerprint fingerprint) {
        Map<String, String> keyed = new LinkedHashMap<>();
        for (String line : fingerprint.lines()) {
            String[] parts = line.split(" ", 5);
            if (parts.length < 3) {
                continue;
            }
            boolean mongoIndex = parts[0].equals("mongodb") && parts[1].equals("index") && parts.length > 3;
            String name = mongoIndex ? parts[2] + "." + parts[3] : parts[2];
            keyed.put(parts[0] + " " + parts[1] + " " + name, line);
        }
        return keyed;
    }

    private static String details(String line) {
        String[] parts = line.split(" ", 4);
        return parts.length < 4 ? "" : parts[3];
    }
}
