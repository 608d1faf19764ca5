package dev.restoredrill.scenario;

import java.time.Duration;
import java.util.Optional;

/**
 * One store the drill restores.
 *
 * @param name        {@code postgres}, {@code mongodb}, {@code clickhouse} or {@code minio}
 * @param kind        how it is restored: {@link #LOGICAL_SQL}, {@link #MONGO_ARCHIVE} or {@link #VOLUME_SNAPSHOT}
 * @param filePattern the backup file's name with {@code {date}} for the runbook's {@code date +%F}
 *                    (YYYY-MM-DD), e.g. {@code pg_{date}.sql.gz}
 * @param rpo         the newest backup may be at most this old, else the store fails its RPO
 * @param service     the compose service that runs the store
 * @param volume      the compose volume that holds its data, e.g. {@code postgres-data}
 * @param rto         the restore of this store may take at most this long (start of the restores until the
 *                    store holds its data), else the drill fails "RTO missed"; absent = no target, not judged
 */
public record StorePlan(String name, String kind, String filePattern, Duration rpo, String service,
                        String volume, Optional<Duration> rto) {

    /** {@code pg_dumpall | gzip}, replayed through psql. */
    public static final String LOGICAL_SQL = "logical-sql";
    /** {@code mongodump --archive --gzip}, restored document by document. */
    public static final String MONGO_ARCHIVE = "mongo-archive";
    /** A tar.gz of the volume, extracted into the fresh volume before the service starts. */
    public static final String VOLUME_SNAPSHOT = "volume-snapshot";
    /** The placeholder in {@link #filePattern} for the backup's date. */
    public static final String DATE_PLACEHOLDER = "{date}";

    public StorePlan {
        Plans.requireText(name, "name");
        Plans.requireText(kind, "kind");
        Plans.requireText(filePattern, "filePattern");
        if (!filePattern.contains(DATE_PLACEHOLDER)) {
            throw new IllegalArgumentException("filePattern must contain " + DATE_PLACEHOLDER);
        }
        if (rpo == null || rpo.isNegative() || rpo.isZero()) {
            throw new IllegalArgumentException("rpo must be longer than zero");
        }
        Plans.requireText(service, "service");
        Plans.requireText(volume, "volume");
        Plans.requireNonNull(rto, "rto");
        if (rto.isPresent() && (rto.get().isNegative() || rto.get().isZero())) {
            throw new IllegalArgumentException("rto must be longer than zero");
        }
    }

    /** A store without an RTO target. */
    public StorePlan(String name, String kind, String filePattern, Duration rpo, String service, String volume) {
        this(name, kind, filePattern, rpo, service, volume, Optional.empty());
    }

    /** The runbook's settings for a known store. */
    public static StorePlan defaultsFor(KnownStore store) {
        return new StorePlan(store.storeName(), store.defaultKind(), store.defaultFilePattern(),
                store.defaultRpo(), store.defaultService(), store.defaultVolume());
    }
}
