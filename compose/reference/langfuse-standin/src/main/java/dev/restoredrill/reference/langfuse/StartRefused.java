package dev.restoredrill.reference.langfuse;

/** The container must not start: the message is printed as the real tool prints it, and the process exits 1. */
final class StartRefused extends Exception {
    StartRefused(String message) {
        super(message);
    }
}
