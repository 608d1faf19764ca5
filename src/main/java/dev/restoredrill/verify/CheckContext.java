package dev.restoredrill.verify;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a check needs besides its plan.
 *
 * @param stores         how to reach the restored stores
 * @param backupCounts   "db.collection" → documents in the mongo archive, for {@code == backup}
 * @param backupInstants store name → the backup's date, for {@code newest within X of the backup date}
 */
public record CheckContext(StoreConnections stores, Map<String, Long> backupCounts,
                           Map<String, Instant> backupInstants) {

    public CheckContext {
        Objects.requireNonNull(stores, "stores");
        backupCounts = Map.copyOf(backupCounts);
        backupInstants = Map.copyOf(backupInstants);
    }
}
