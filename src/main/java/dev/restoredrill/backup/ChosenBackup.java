package dev.restoredrill.backup;

/**
 * The file the drill uses for a store.
 *
 * @param fileName          its name in the backups directory
 * @param sizeBytes         null when it could not be read
 * @param sha256Before      sha256 of the raw bytes at the scan (before the drill); null when unreadable
 * @param sha256After       sha256 after the drill (set by {@link BackupCatalog#verifyUnchanged}), else null
 * @param uncompressedBytes bytes inside the gzip stream, null when it could not be opened
 */
public record ChosenBackup(String fileName, Long sizeBytes, String sha256Before, String sha256After,
        Long uncompressedBytes) {

    ChosenBackup withSha256After(String sha256) {
        return new ChosenBackup(fileName, sizeBytes, sha256Before, sha256, uncompressedBytes);
    }
}
