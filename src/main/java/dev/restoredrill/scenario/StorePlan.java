package dev.restoredrill.scenario;

import dev.restoredrill.backup.StoreBackupSpec;
import dev.restoredrill.store.RestoreMethod;
import dev.restoredrill.store.StoreType;

import java.time.Duration;
import java.util.Objects;

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
 */
public record StorePlan(StoreType type, RestoreMethod method, String filePattern, Duration rpo, String service,
                        String volume) {

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
