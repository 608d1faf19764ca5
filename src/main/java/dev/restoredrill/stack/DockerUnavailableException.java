package dev.restoredrill.stack;

/** The Docker engine could not be reached; the message says where it was looked for and what to do. */
public final class DockerUnavailableException extends RuntimeException {
    public DockerUnavailableException(String message) {
        super(message);
    }
}
