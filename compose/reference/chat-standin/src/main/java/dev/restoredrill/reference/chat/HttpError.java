package dev.restoredrill.reference.chat;

/** A request the API refuses; the router answers {@code status} with LibreChat's {@code {"message": …}} body. */
final class HttpError extends RuntimeException {

    private final int status;

    HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
