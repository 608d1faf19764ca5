package dev.restoredrill.backup;

import java.util.ArrayList;
import java.util.List;

/** The table name of a {@code COPY schema.table (cols) FROM stdin;} line, with SQL identifier quoting undone. */
final class CopyStatement {

    record TableName(String schema, String table) {
        /** As SQL would write it: public."LiteLLM_SpendLogs". */
        String display() {
            return (schema == null ? "" : quoteIfNeeded(schema) + ".") + quoteIfNeeded(table);
        }

        private static String quoteIfNeeded(String id) {
            return id.matches("[a-z_][a-z0-9_$]*") ? id : "\"" + id.replace("\"", "\"\"") + "\"";
        }
    }

    private CopyStatement() {}

    /** @param line a line starting with {@code COPY } */
    static TableName parseTableName(String line) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int i = "COPY ".length();
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                int j = i + 1;
                while (j < line.length()) {
                    if (line.charAt(j) == '"') {
                        if (j + 1 < line.length() && line.charAt(j + 1) == '"') {
                            part.append('"');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    part.append(line.charAt(j++));
                }
                i = j + 1;
            } else if (c == '.') {
                parts.add(part.toString());
                part.setLength(0);
                i++;
            } else if (c == ' ' || c == '(') {
                break;
            } else {
                part.append(c);
                i++;
            }
        }
        parts.add(part.toString());
        String table = parts.get(parts.size() - 1);
        String schema = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
        return new TableName(schema, table);
    }
}
