package dev.restoredrill.backup;

import java.time.Duration;
import java.util.List;
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

    /** The four stores as the runbook backs them up into /backups, with its RPO targets. */
    public static List<StoreBackupSpec> runbookDefaults() {
        return List.of(
                new StoreBackupSpec("postgres", BackupFormat.PG_DUMPALL_GZ, "pg_{date}.sql.gz", Duration.ofHours(24)),
                new StoreBackupSpec("mongodb", BackupFormat.MONGO_ARCHIVE_GZ, "mongo_{date}.gz", Duration.ofHours(24)),
                new StoreBackupSpec("clickhouse", BackupFormat.VOLUME_TAR_GZ, "clickhouse_{date}.tar.gz",
                        Duration.ofDays(7)),
                new StoreBackupSpec("minio", BackupFormat.VOLUME_TAR_GZ, "minio_{date}.tar.gz", Duration.ofDays(7)));
    }

    public StoreBackupSpec withFilePattern(String pattern) {
        return new StoreBackupSpec(store, format, pattern, rpo);
    }

    public StoreBackupSpec withRpo(Duration newRpo) {
        return new StoreBackupSpec(store, format, filePattern, newRpo);
    }
}
