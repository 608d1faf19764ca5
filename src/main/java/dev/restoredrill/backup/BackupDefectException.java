package dev.restoredrill.backup;

import java.io.IOException;

/**
 * The backup file was read but its content is bad: empty, not gzip, truncated, corrupt, or not the format
 * it should be. The store's verdict is FAIL, with this message.
 */
public class BackupDefectException extends IOException {
    public BackupDefectException(String message) {
        super(message);
    }

    public BackupDefectException(String message, Throwable cause) {
        super(message, cause);
    }
}
