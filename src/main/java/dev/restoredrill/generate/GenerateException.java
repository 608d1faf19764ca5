package dev.restoredrill.generate;

/** A failure while generating reference data or its backups; the message says what to do. */
public class GenerateException extends RuntimeException {
    public GenerateException(String message) {
        super(message);
    }

    public GenerateException(String message, Throwable cause) {
        super(message, cause);
    }
}
