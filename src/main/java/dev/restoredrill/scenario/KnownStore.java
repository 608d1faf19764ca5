package dev.restoredrill.scenario;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The platform's four stateful stores and the runbook's defaults for each: how it is backed up,
 * the backup file's name, the RPO target, its compose service and its volume.
 */
public enum KnownStore {
    POSTGRES("postgres", StorePlan.LOGICAL_SQL, "pg_{date}.sql.gz", Duration.ofHours(24), "postgres-data",
            StorePlan.VOLUME_SNAPSHOT),
    MONGODB("mongodb", StorePlan.MONGO_ARCHIVE, "mongo_{date}.gz", Duration.ofHours(24), "mongodb-data",
            StorePlan.VOLUME_SNAPSHOT),
    CLICKHOUSE("clickhouse", StorePlan.VOLUME_SNAPSHOT, "clickhouse_{date}.tar.gz", Duration.ofDays(7),
            "clickhouse-data"),
    MINIO("minio", StorePlan.VOLUME_SNAPSHOT, "minio_{date}.tar.gz", Duration.ofDays(7), "minio-data");

    private final String storeName;
    private final String kind;
    private final String filePattern;
    private final Duration rpo;
    private final String volume;
    private final List<String> kinds;

    KnownStore(String storeName, String kind, String filePattern, Duration rpo, String volume,
               String... otherKinds) {
        this.storeName = storeName;
        this.kind = kind;
        this.filePattern = filePattern;
        this.rpo = rpo;
        this.volume = volume;
        this.kinds = Stream.concat(Stream.of(kind), Stream.of(otherKinds)).toList();
    }

    public static Optional<KnownStore> byName(String name) {
        return Arrays.stream(values()).filter(store -> store.storeName.equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(KnownStore::storeName).toList();
    }

    /** The name used in scenarios, catalogs and reports, e.g. {@code postgres}. */
    public String storeName() {
        return storeName;
    }

    public String defaultKind() {
        return kind;
    }

    /** The backup kinds this store can be restored from: its runbook kind, and a volume snapshot where sensible. */
    public List<String> kinds() {
        return kinds;
    }

    public String defaultFilePattern() {
        return filePattern;
    }

    public Duration defaultRpo() {
        return rpo;
    }

    /** The compose service defaults to the store's name, as in the platform's compose file. */
    public String defaultService() {
        return storeName;
    }

    public String defaultVolume() {
        return volume;
    }
}
