package dev.restoredrill.stack;

/** A service of the drill stack did not become healthy; carries the tail of its log for the evidence. */
public final class ServiceFailedException extends RuntimeException {

    private final String service;
    private final String logTail;

    public ServiceFailedException(String service, String message, String logTail) {
        super(message);
        this.service = service;
        this.logTail = logTail;
    }

    public String service() {
        return service;
    }

    public String logTail() {
        return logTail;
    }
}
