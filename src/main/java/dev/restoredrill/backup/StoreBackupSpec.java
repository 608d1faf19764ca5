package dev.restoredrill.backup;

import java.time.Duration;
import java.util.Objects;

/**
 * Where a store's backups are found and how fresh they must be.
 *
 * @param store       the store's name, as the drill plan calls it (postgres, mongodb, ...)
 * @param format      how the backup file is written
 * @param filePattern the file name, with {@code {date}} (YYYY-MM-DD, exactly once) and optional {@code *}
 *                    (any run of characters), e.g. {@code pg_{date}.sql.gz}
 * @param rpo         the recovery point objective: the newest backup may be at most this old
 */
public record StoreBackupSpec(String store, BackupFormat format, String filePattern, Duration rpo) {

    public StoreBackupSpec {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(rpo, "rpo");
        BackupFileNamePattern.compile(filePattern); // fails early, naming the pattern
        if (rpo.isNegative() || rpo.isZero()) {
            throw new IllegalArgumentException("RPO of store '" + store + "' must be positive, found " + rpo);
        }
    }

    public StoreBackupSpec withFilePattern(String pattern) {
        return new StoreBackupSpec(store, format, pattern, rpo);
    }
}
