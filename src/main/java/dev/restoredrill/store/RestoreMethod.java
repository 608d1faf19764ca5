package dev.restoredrill.store;

import dev.restoredrill.backup.BackupFormat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How a store's backup is written and so how it is restored; the scenario's {@code kind:}. */
public enum RestoreMethod {
    /** {@code pg_dumpall | gzip}, replayed through psql. */
    LOGICAL_SQL("logical-sql", BackupFormat.PG_DUMPALL_GZ),
    /** {@code mongodump --archive --gzip}, restored document by document. */
    MONGO_ARCHIVE("mongo-archive", BackupFormat.MONGO_ARCHIVE_GZ),
    /** A tar.gz of the volume, extracted into the fresh volume before the service starts. */
    VOLUME_SNAPSHOT("volume-snapshot", BackupFormat.VOLUME_TAR_GZ);

    private final String label;
    private final BackupFormat format;

    RestoreMethod(String label, BackupFormat format) {
        this.label = label;
        this.format = format;
    }

    /** The name scenarios and reports use, e.g. {@code logical-sql}. */
    public String label() {
        return label;
    }

    /** How the catalog reads a backup restored this way. */
    public BackupFormat format() {
        return format;
    }

    public static Optional<RestoreMethod> byLabel(String label) {
        return Arrays.stream(values()).filter(m -> m.label.equals(label)).findFirst();
    }

    public static List<String> labels(List<RestoreMethod> methods) {
        return methods.stream().map(RestoreMethod::label).toList();
    }
}
