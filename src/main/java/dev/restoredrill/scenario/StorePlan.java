package dev.restoredrill.scenario;

import dev.restoredrill.backup.StoreBackupSpec;
import dev.restoredrill.store.RestoreMethod;
import dev.restoredrill.store.StoreType;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One store the drill restores.
 *
 * @param type        which of the platform's stores it is
 * @param method      how it is restored: one of the {@link StoreType#methods()} of its type
 * @param filePattern the backup file's name with {@code {date}} for the runbook's {@code date +%F}
 *                    (YYYY-MM-DD), e.g. {@code pg_{date}.sql.gz}
 * @param rpo         the newest backup may be at most this old, else the store fails its RPO
 * @param service     the compose service that runs the store
 * @param volume      the compose volume that holds its data, e.g. {@code postgres-data}
 * @param rto         the restore of this store may take at most this long (start of the restores until the
 *                    store holds its data), else the drill fails "RTO missed"; absent = no target, not judged
 */
public record StorePlan(StoreType type, RestoreMethod method, String filePattern, Duration rpo, String service,
                        String volume, Optional<Duration> rto) {

    /** The placeholder in {@link #filePattern} for the backup's date. */
    public static final String DATE_PLACEHOLDER = "{date}";

    public StorePlan {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(method, "method");
        if (!type.methods().contains(method)) {
            throw new IllegalArgumentException(type.storeName() + " cannot be restored as " + method.label());
        }
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
    public StorePlan(StoreType type, RestoreMethod method, String filePattern, Duration rpo, String service,
                     String volume) {
        this(type, method, filePattern, rpo, service, volume, Optional.empty());
    }

    /** The runbook's settings for a store. */
    public static StorePlan defaultsFor(StoreType store) {
        return new StorePlan(store, store.defaultMethod(), store.defaultFilePattern(), store.defaultRpo(),
                store.defaultService(), store.defaultVolume());
    }

    /** The name used in scenarios, catalogs and reports, e.g. {@code postgres}. */
    public String name() {
        return type.storeName();
    }

    /** What the catalog looks for: this plan's file pattern and RPO, read as its method's format. */
    public StoreBackupSpec backupSpec() {
        return new StoreBackupSpec(name(), method.format(), filePattern, rpo);
    }
}
