package dev.restoredrill.outcome;

import java.util.Objects;

/**
 * One thing the drill found wrong, with its category: the summary, the evidence and the report group by the
 * category, never by parsing the message.
 *
 * @param message the whole message, starting with the category's name (see {@link FailureCategory#message})
 */
public record Failure(FailureCategory category, String message) {

    public Failure {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(message, "message");
        if (!message.startsWith(category.label() + ": ")) {
            throw new IllegalArgumentException("a " + category.label() + " message must start with '"
                    + category.label() + ": ', found: " + message);
        }
    }

    /** The same failure with where it happened in front of its detail: "Data loss: postgres: …". */
    public Failure in(String where) {
        return category.failure(where + ": " + message.substring(category.label().length() + 2));
    }

    @Override
    public String toString() {
        return message;
    }
}
