package dev.restoredrill.scenario;

/**
 * A value parser's complaint: what it expected, and a hint for after the "found ..." part
 * (e.g. " Did you mean 'postgres'?"). Plain IllegalArgumentExceptions are read as having no hint.
 */
final class InvalidValue extends IllegalArgumentException {

    private final String hint;

    InvalidValue(String expected, String hint) {
        super(expected);
        this.hint = hint;
    }

    String hint() {
        return hint;
    }
}
