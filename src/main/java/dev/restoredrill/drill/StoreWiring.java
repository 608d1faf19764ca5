package dev.restoredrill.drill;

import dev.restoredrill.stack.ReferenceImages;
import dev.restoredrill.backup.FormatFacts;
import dev.restoredrill.backup.StoreResult;
import dev.restoredrill.backup.TarFacts;
import dev.restoredrill.restore.MongoArchiveRestore;
import dev.restoredrill.restore.MongorestoreCommand;
import dev.restoredrill.restore.PostgresLogicalRestore;
import dev.restoredrill.restore.RestoreEngine;
import dev.restoredrill.restore.TargetImages;
import dev.restoredrill.restore.VolumeSnapshotRestore;
import dev.restoredrill.scenario.StorePlan;
import dev.restoredrill.stack.DrillCredentials;
import dev.restoredrill.stack.ServiceEndpoint;
import dev.restoredrill.store.StoreType;
import dev.restoredrill.verify.StoreConnections;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * Where the store definition ({@link StoreType}, {@link dev.restoredrill.store.RestoreMethod}) meets the stages'
 * code: which restore engine a store gets and how the verify stage reaches each store. It lives with the drill,
 * the one package that sees every stage, so the stages themselves stay independent of each other.
 */
final class StoreWiring {

    /** The image of the helper container that extracts volume snapshots (from the reference set). */
    static final String SNAPSHOT_HELPER_IMAGE = ReferenceImages.TINY;
    private static final Duration RESTORE_TIMEOUT = Duration.ofHours(6);

    private StoreWiring() {
    }

    /**
     * The engine that restores {@code store} from {@code file}, which the catalog read as {@code catalog}, into a
     * stack of {@code images} (a volume layout those images cannot serve is refused before anything is extracted).
     */
    static RestoreEngine engine(StorePlan store, Path file, StoreResult catalog, DrillCredentials credentials,
                                MongoEngine mongoEngine, TargetImages images) {
        return switch (store.method()) {
            case LOGICAL_SQL -> new PostgresLogicalRestore(store.name(), store.service(), file,
                    credentials.postgresUser(), RESTORE_TIMEOUT);
            case MONGO_ARCHIVE -> switch (mongoEngine) {
                case MONGORESTORE -> new MongorestoreCommand(store.name(), store.service(), file, RESTORE_TIMEOUT);
                case DRIVER -> new MongoArchiveRestore(store.name(), store.service(), file,
                        MongoArchiveRestore.DEFAULT_BATCH_SIZE, MongoArchiveRestore.DEFAULT_WRITERS);
            };
            case VOLUME_SNAPSHOT -> new VolumeSnapshotRestore(store.name(), store.service(), store.volume(), file,
                    facts(catalog, TarFacts.class), SNAPSHOT_HELPER_IMAGE, RESTORE_TIMEOUT).into(images);
        };
    }

    /** How the verify stage reaches the restored stores, each at its type's port through {@code endpoint}. */
    static StoreConnections connections(Function<StoreType, ServiceEndpoint> endpoint, DrillCredentials credentials) {
        return StoreConnections.of(endpoint.apply(StoreType.POSTGRES), endpoint.apply(StoreType.MONGODB),
                endpoint.apply(StoreType.CLICKHOUSE), endpoint.apply(StoreType.MINIO), credentials);
    }

    /** The catalog's facts as the format the restore method reads; anything else is a bug, said plainly. */
    private static <F extends FormatFacts> F facts(StoreResult catalog, Class<F> expected) {
        FormatFacts facts = catalog.facts();
        if (!expected.isInstance(facts)) {
            throw new IllegalStateException(catalog.store() + ": the restore needs the backup read as "
                    + expected.getSimpleName() + ", but the catalog read it as "
                    + (facts == null ? "nothing" : facts.getClass().getSimpleName()));
        }
        return expected.cast(facts);
    }

    /** How a MongoDB archive is restored: in Java through the driver, or with the image's own mongorestore. */
    enum MongoEngine {
        DRIVER, MONGORESTORE;

        static MongoEngine fromSystemProperty() {
            return "mongorestore".equals(System.getProperty("drill.mongo.engine", "driver")) ? MONGORESTORE : DRIVER;
        }
    }
}
