package dev.restoredrill.verify;

import dev.restoredrill.backup.MongoArchiveFacts;

import java.nio.file.Path;
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
 * @param backupFiles    store name → the backup file the store was restored from (local, only read), for
 *                       integrity checks that compare with it ({@code s3-verify})
 * @param backupObjects  store name → how many objects the catalog counted in its backup (sets an
 *                       {@code s3-verify} sample's rate)
 */
public record CheckContext(StoreConnections stores, Map<String, Long> backupCounts,
                           Map<String, Instant> backupInstants, Map<String, MongoArchiveFacts.Ttl> backupTtl,
                           Map<String, Path> backupFiles, Map<String, Long> backupObjects) {

    public CheckContext {
        Objects.requireNonNull(stores, "stores");
        backupCounts = Map.copyOf(backupCounts);
        backupInstants = Map.copyOf(backupInstants);
        backupTtl = Map.copyOf(backupTtl);
        backupFiles = Map.copyOf(backupFiles);
        backupObjects = Map.copyOf(backupObjects);
    }

    /** A context without backup files (no check compares with one). */
    public CheckContext(StoreConnections stores, Map<String, Long> backupCounts,
                        Map<String, Instant> backupInstants, Map<String, MongoArchiveFacts.Ttl> backupTtl) {
        this(stores, backupCounts, backupInstants, backupTtl, Map.of(), Map.of());
    }

    /** A context whose backup has no TTL indexes. */
    public CheckContext(StoreConnections stores, Map<String, Long> backupCounts, Map<String, Instant> backupInstants) {
        this(stores, backupCounts, backupInstants, Map.of());
    }
}
