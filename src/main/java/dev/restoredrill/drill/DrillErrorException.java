package dev.restoredrill.drill;

import dev.restoredrill.outcome.Failure;

/**
 * A phase of the drill broke with an error of the drill's own (an unexpected exception, not a finding about the
 * backups): the phase fails with this message, and the evidence and summary carry the same failure.
 */
public final class DrillErrorException extends RuntimeException {
    private final transient Failure failure;

    DrillErrorException(Failure failure, Throwable cause) {
        super(failure.message(), cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
