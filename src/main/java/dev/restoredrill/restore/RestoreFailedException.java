package dev.restoredrill.restore;

/** A store could not be restored; the message says what failed, what was found, and what to do. */
public final class RestoreFailedException extends Exception {
    public RestoreFailedException(String message) {
        super(message);
    }

    public RestoreFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
