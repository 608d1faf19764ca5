package dev.restoredrill.backup;

/** The catalog cannot run at all (e.g. the backups directory is missing); no manifest can be made. */
public class BackupCatalogException extends RuntimeException {
    public BackupCatalogException(String message) {
        super(message);
    }

    public BackupCatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
