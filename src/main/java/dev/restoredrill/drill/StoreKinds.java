package dev.restoredrill.drill;

import dev.restoredrill.backup.BackupFormat;
import dev.restoredrill.backup.StoreBackupSpec;
import dev.restoredrill.scenario.StorePlan;

import java.util.List;

/** The scenario's store kinds mapped onto the catalog's backup formats. */
final class StoreKinds {

    private StoreKinds() {
    }

    static BackupFormat format(StorePlan store) {
        return switch (store.kind()) {
            case "logical-sql" -> BackupFormat.PG_DUMPALL_GZ;
            case "mongo-archive" -> BackupFormat.MONGO_ARCHIVE_GZ;
            case "volume-snapshot" -> BackupFormat.VOLUME_TAR_GZ;
            default -> throw new IllegalArgumentException("store " + store.name() + ": unknown kind " + store.kind());
        };
    }

    static List<StoreBackupSpec> specs(List<StorePlan> stores) {
        return stores.stream()
                .map(s -> new StoreBackupSpec(s.name(), format(s), s.filePattern(), s.rpo()))
                .toList();
    }
}
