package dev.restoredrill.verify;

/**
 * A store could not be measured: unreachable, refused the query, or answered something that is not a value.
 * The message says what was expected, what was found and what to do, and holds no secret; a check turns it
 * into an ERROR outcome.
 */
public class StoreAccessException extends RuntimeException {

    public StoreAccessException(String message) {
        super(message);
    }

    public StoreAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
