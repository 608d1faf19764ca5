package dev.restoredrill.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The stores' schema as one sorted set of lines, each one fact: {@code postgres/langfuse column
 * organizations.ai_features_enabled boolean}, {@code clickhouse table default.scores ReplacingMergeTree},
 * {@code mongodb index LibreChat.users email_1}. Data is not part of it; two fingerprints compare line by line.
 *
 * @param populated the tables and collections that held at least one row when the fingerprint was read, as
 *                  {@code <store> <table>} ({@code postgres/litellm public.LiteLLM_VerificationToken},
 *                  {@code clickhouse default.traces}): what a dropped table or column would lose. Not compared.
 */
public record SchemaFingerprint(SortedSet<String> lines, SortedSet<String> populated) {

    public SchemaFingerprint {
        lines = new TreeSet<>(lines);
        populated = new TreeSet<>(populated);
    }

    public SchemaFingerprint(SortedSet<String> lines) {
        this(lines, new TreeSet<>());
    }

    /** Whether {@code table} of {@code store} held rows when this was read. */
    public boolean heldData(String store, String table) {
        return populated.contains(store + " " + table);
    }

    /** "+ line" for what {@code after} has and this has not, "- line" for the reverse, in line order. */
    public List<String> diff(SchemaFingerprint after) {
        List<String> diff = new ArrayList<>();
        SortedSet<String> all = new TreeSet<>(lines);
        all.addAll(after.lines);
        for (String line : all) {
            if (!lines.contains(line)) {
                diff.add("+ " + line);
            } else if (!after.lines.contains(line)) {
                diff.add("- " + line);
            }
        }
        return diff;
    }

    /**
     * Columns that disappeared from a table that is still there (with its data): a migration that drops a column
     * of a table that holds data loses that data. A table dropped as a whole is a migration's explicit choice and
     * shows in the diff, not here. A column whose type changed shows as removed and added: not counted.
     */
    public List<String> droppedColumns(SchemaFingerprint after) {
        List<String> dropped = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split(" ", 4);
            if (parts.length < 3 || !parts[1].equals("column") || after.lines.contains(line)) {
                continue;
            }
            String column = parts[2];
            String table = column.substring(0, column.lastIndexOf('.'));
            boolean tableStays = after.lines.stream().anyMatch(l -> l.startsWith(parts[0] + " table " + table));
            boolean columnStays = after.lines.stream().anyMatch(l -> l.startsWith(parts[0] + " column " + column + " "));
            if (tableStays && !columnStays) {
                dropped.add(parts[0] + " " + column);
            }
        }
        return dropped;
    }
}
