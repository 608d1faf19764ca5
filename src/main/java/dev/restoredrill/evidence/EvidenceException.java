package dev.restoredrill.evidence;

/** The report could not be written; the message says what was expected, what was found and what to do. */
public class EvidenceException extends RuntimeException {
    public EvidenceException(String message) {
        super(message);
    }

    public EvidenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
