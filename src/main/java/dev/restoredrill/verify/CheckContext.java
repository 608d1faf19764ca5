package dev.restoredrill.verify;

import dev.restoredrill.backup.MongoArchiveFacts;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a check needs besides its plan.
 *
 * @param stores         how to reach the restored stores
 * @param backupCounts   "db.collection" → documents in the mongo archive, for {@code == backup}
 * @param backupInstants store name → the backup's date, for {@code newest within X of the backup date}
 * @param backupTtl      "db.collection" → when its documents expire, for collections with TTL indexes: a
 *                       {@code == backup} count accepts the documents a TTL index may have deleted since
 */
public record CheckContext(StoreConnections stores, Map<String, Long> backupCounts,
                           Map<String, Instant> backupInstants, Map<String, MongoArchiveFacts.Ttl> backupTtl) {

    public CheckContext {
        Objects.requireNonNull(stores, "stores");
        backupCounts = Map.copyOf(backupCounts);
        backupInstants = Map.copyOf(backupInstants);
        backupTtl = Map.copyOf(backupTtl);
    }

    /** A context whose backup has no TTL indexes. */
    public CheckContext(StoreConnections stores, Map<String, Long> backupCounts, Map<String, Instant> backupInstants) {
        this(stores, backupCounts, backupInstants, Map.of());
    }
}
