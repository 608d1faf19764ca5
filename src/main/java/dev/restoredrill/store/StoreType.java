package dev.restoredrill.store;

import dev.restoredrill.backup.StoreBackupSpec;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The platform's stateful stores, each defined once: its backup file and RPO as the runbook writes them, how it
 * is restored (and which other ways it can be), its compose service, port and volume, and the check kinds it
 * accepts. Code that treats stores differently switches over this type without a {@code default} branch, so a
 * new store is not done until the compiler has seen every such place handle it.
 */
public enum StoreType {
    POSTGRES("postgres", "pg_{date}.sql.gz", Duration.ofHours(24), "postgres-data", 5432,
            List.of(RestoreMethod.LOGICAL_SQL, RestoreMethod.VOLUME_SNAPSHOT), List.of(CheckKind.SQL, CheckKind.PG_AMCHECK, CheckKind.PG_FULL_READ)),
    MONGODB("mongodb", "mongo_{date}.gz", Duration.ofHours(24), "mongodb-data", 27017,
            List.of(RestoreMethod.MONGO_ARCHIVE, RestoreMethod.VOLUME_SNAPSHOT), List.of(CheckKind.MONGO, CheckKind.MONGO_VALIDATE)),
    CLICKHOUSE("clickhouse", "clickhouse_{date}.tar.gz", Duration.ofDays(7), "clickhouse-data", 8123,
            List.of(RestoreMethod.VOLUME_SNAPSHOT), List.of(CheckKind.CLICKHOUSE_SQL, CheckKind.CLICKHOUSE_CHECK_TABLE,
                    CheckKind.CLICKHOUSE_FULL_READ)),
    MINIO("minio", "minio_{date}.tar.gz", Duration.ofDays(7), "minio-data", 9000,
            List.of(RestoreMethod.VOLUME_SNAPSHOT), List.of(CheckKind.S3_OBJECTS, CheckKind.S3_VERIFY));

    private final String storeName;
    private final String filePattern;
    private final Duration rpo;
    private final String volume;
    private final int port;
    private final List<RestoreMethod> methods;
    private final List<CheckKind> checkKinds;

    StoreType(String storeName, String filePattern, Duration rpo, String volume, int port,
              List<RestoreMethod> methods, List<CheckKind> checkKinds) {
        this.storeName = storeName;
        this.filePattern = filePattern;
        this.rpo = rpo;
        this.volume = volume;
        this.port = port;
        this.methods = methods;
        this.checkKinds = checkKinds;
    }

    public static Optional<StoreType> byName(String name) {
        return Arrays.stream(values()).filter(store -> store.storeName.equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(StoreType::storeName).toList();
    }

    /** The name used in scenarios, catalogs and reports, e.g. {@code postgres}. */
    public String storeName() {
        return storeName;
    }

    /** How the runbook backs it up, and so how the drill restores it unless the scenario says otherwise. */
    public RestoreMethod defaultMethod() {
        return methods.get(0);
    }

    /** The ways this store can be restored: its runbook method first, then a volume snapshot where sensible. */
    public List<RestoreMethod> methods() {
        return methods;
    }

    /** The backup file name, with {@code {date}} where the runbook's {@code date +%F} goes. */
    public String defaultFilePattern() {
        return filePattern;
    }

    public Duration defaultRpo() {
        return rpo;
    }

    /** The compose service has the store's name, as in the platform's compose file. */
    public String defaultService() {
        return storeName;
    }

    public String defaultVolume() {
        return volume;
    }

    /** The port the store's service listens on inside the stack (the drill never publishes it). */
    public int port() {
        return port;
    }

    /** The check kinds a check against this store may have; the first is the one a check gets by default. */
    public List<CheckKind> checkKinds() {
        return checkKinds;
    }

    public CheckKind defaultCheckKind() {
        return checkKinds.get(0);
    }

    /** What the catalog looks for: the runbook's file and RPO, read as its runbook method's format. */
    public StoreBackupSpec backupSpec() {
        return new StoreBackupSpec(storeName, defaultMethod().format(), filePattern, rpo);
    }
}
