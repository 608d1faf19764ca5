package dev.restoredrill.restore;

import dev.restoredrill.outcome.Failure;
import dev.restoredrill.outcome.FailureCategory;

/** A store could not be restored; the message says what failed, what was found, and what to do. */
public final class RestoreFailedException extends Exception {
    private final transient Failure failure;

    public RestoreFailedException(FailureCategory category, String detail) {
        this(category, detail, null);
    }

    public RestoreFailedException(FailureCategory category, String detail, Throwable cause) {
        super(category.message(detail), cause);
        this.failure = category.failure(detail);
    }

    /** Why, with its category (a corrupt backup, or the restore itself failing). */
    public Failure failure() {
        return failure;
    }
}
