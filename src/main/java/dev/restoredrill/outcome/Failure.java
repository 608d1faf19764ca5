package dev.restoredrill.outcome;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Objects;

/**
 * One thing the drill found wrong, with its category: the summary, the evidence and the report group by the
 * category, never by parsing the message.
 *
 * @param message the whole message, starting with the category's name (see {@link FailureCategory#message})
 */
public record Failure(FailureCategory category, String message) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Failure {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(message, "message");
        if (!message.startsWith(category.label() + ": ")) {
            throw new IllegalArgumentException("a " + category.label() + " message must start with '"
                    + category.label() + ": ', found: " + message);
        }
    }

    /**
     * A failure from its message alone, as evidence written before failures carried their category holds them:
     * the category whose name the message starts with ("Restore failed:", the old wording, is a restore failure);
     * else the first whose keywords it matches, in front of the message; else a drill error.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Failure of(String message) {
        for (FailureCategory category : FailureCategory.values()) {
            if (message.startsWith(category.label() + ": ")) {
                return new Failure(category, message);
            }
        }
        if (message.startsWith("Restore failed: ")) {
            return FailureCategory.RESTORE_FAILURE.failure(message.substring("Restore failed: ".length()));
        }
        return FailureCategory.matching(message).stream().findFirst().orElse(FailureCategory.DRILL_ERROR)
                .failure(message);
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
