package dev.restoredrill.backup;

/** How a store's backup file is written, which decides how the catalog reads it. */
public enum BackupFormat {
    /** {@code pg_dumpall | gzip}: plain SQL text of the whole cluster, gzip'd. */
    PG_DUMPALL_GZ,
    /** {@code mongodump --archive --gzip}: one mongodump archive in one gzip stream. */
    MONGO_ARCHIVE_GZ,
    /** {@code tar czf x.tar.gz /data}: a snapshot of a volume, paths under {@code data/}. */
    VOLUME_TAR_GZ
}
