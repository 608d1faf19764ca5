package dev.restoredrill.scenario;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A drill scenario that cannot become a plan. The message reads like a compiler's:
 * {@code drill-scenarios/x.yml:12:5: field 'checks[2].expect': expected ..., found 'lots'.}
 * so an editor can jump to the spot. Messages never contain the value of a suspected secret.
 */
public final class ScenarioException extends RuntimeException {

    private final Path file;
    private final int line;
    private final int column;
    private final String field;

    /**
     * @param line   1-based, or 0 when the problem has no position (file missing, unreadable)
     * @param column 1-based, or 0
     * @param field  the field's path like {@code checks[2].expect}, or null for the file as a whole
     * @param detail what was expected, what was found, and what to do
     */
    public ScenarioException(Path file, int line, int column, String field, String detail) {
        super(format(file, line, column, field, detail));
        this.file = file;
        this.line = line;
        this.column = column;
        this.field = field;
    }

    private static String format(Path file, int line, int column, String field, String detail) {
        StringBuilder message = new StringBuilder(file.toString());
        if (line > 0) {
            message.append(':').append(line);
            if (column > 0) {
                message.append(':').append(column);
            }
        }
        message.append(": ");
        if (field != null) {
            message.append("field '").append(field).append("': ");
        }
        return message.append(detail).toString();
    }

    public Path file() {
        return file;
    }

    /** 1-based line of the offending node, 0 when there is none. */
    public int line() {
        return line;
    }

    /** 1-based column of the offending node, 0 when there is none. */
    public int column() {
        return column;
    }

    /** The offending field's path, e.g. {@code stores[1].rpo}; empty for whole-file problems. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
