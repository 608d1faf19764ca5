package dev.restoredrill.backup;

import java.io.IOException;

/**
 * The backup file cannot be read at all (a directory, a dangling symlink, no permission, an I/O error):
 * the store's verdict is ERROR, since nothing is known about the backup's content.
 */
public class BackupUnreadableException extends IOException {
    public BackupUnreadableException(String message) {
        super(message);
    }

    public BackupUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
