package dev.restoredrill.reference.chat;

/**
 * A failure of the stand-in that an operator must act on: bad configuration, or a restored store that does not
 * answer. The message says what was expected, what was found and what to do; it never carries a secret.
 */
final class StandInException extends RuntimeException {

    StandInException(String message) {
        super(message);
    }

    StandInException(String message, Throwable cause) {
        super(message, cause);
    }
}
