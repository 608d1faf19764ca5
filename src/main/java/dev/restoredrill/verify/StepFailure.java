package dev.restoredrill.verify;

/** Ends a journey step as FAIL with a message saying what was expected and what the app did. */
final class StepFailure extends RuntimeException {

    StepFailure(String message) {
        super(message, null, false, false);
    }
}
