package dev.restoredrill.mongoarchive;

import java.io.IOException;

/** The stream is not a sound mongodump archive: wrong magic, truncated, corrupt, or a CRC mismatch. */
public class MongoArchiveException extends IOException {

    public MongoArchiveException(String message) {
        super(message);
    }

    public MongoArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
