package dev.restoredrill.backup;

/**
 * A remote backup source cannot be read at all (unreachable, refused credentials, no such bucket, wrong
 * restic password, locked repository, ...): the message names the source and what to do. The catalog records
 * it for every store, as evidence, instead of stopping the drill.
 */
public class SourceUnavailableException extends RuntimeException {
    public SourceUnavailableException(String message) {
        super(message);
    }

    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
