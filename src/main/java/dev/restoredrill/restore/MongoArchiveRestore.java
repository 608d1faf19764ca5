package dev.restoredrill.restore;

import dev.restoredrill.concurrent.DaemonThreads;
import dev.restoredrill.outcome.FailureCategory;
import dev.restoredrill.store.StoreType;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import dev.restoredrill.mongoarchive.ArchiveHeader;
import dev.restoredrill.mongoarchive.ArchiveSummary;
import dev.restoredrill.mongoarchive.ArchiveVisitor;
import dev.restoredrill.mongoarchive.CollectionMetadata;
import dev.restoredrill.mongoarchive.IndexSpec;
import dev.restoredrill.mongoarchive.MongoArchiveException;
import dev.restoredrill.mongoarchive.MongoArchiveReader;
import dev.restoredrill.mongoarchive.Namespace;
import dev.restoredrill.stack.ServiceStack;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.RawBsonDocument;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The runbook's {@code mongorestore --archive --gzip --drop}, done in Java because no mongorestore exists on these
 * machines: the archive is streamed once, its documents inserted in batches by a few writer threads (collections
 * load in parallel), then each collection's indexes are recreated from the archive's metadata.
 *
 * <p>Inserts are unordered (the server need not stop at each document; any failed document still fails the
 * restore) and indexes are built after the data, as mongorestore does. Memory stays bounded: a batch holds at most
 * {@code batchSize} documents and {@value #MAX_BATCH_BYTES} bytes, and at most {@code 2 × writers} batches are in
 * flight. System collections and the oplog are skipped, with a note. {@code --drop} is applied only after checking the target is fresh (no user data).
 */
public final class MongoArchiveRestore extends ServiceRestore {

    private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");
    /**
     * What the drill uses. Measured on the reference stand-in (bench/mongo-restore-bench.sh): batches of 5000 with 4
     * writers were slower than 1000 with 2, and 3 writers no faster than 2 (the stand-in inserts into a collection
     * one batch at a time), so the drill keeps the latter.
     */
    public static final int DEFAULT_BATCH_SIZE = 1000;
    public static final int DEFAULT_WRITERS = 2;
    static final int MAX_BATCH_BYTES = 4 << 20;

    private final Path archive;
    private final int batchSize;
    private final int writers;

    public MongoArchiveRestore(String store, String service, Path archive, int batchSize, int writers) {
        super(store, service);
        this.archive = archive;
        this.batchSize = batchSize;
        this.writers = writers;
    }

    @Override
    public List<String> load(ServiceStack stack) throws Exception {
        try (MongoClient client = MongoClients.create(stack.endpoint(service, StoreType.MONGODB.port()).mongodbUri())) {
            requireFreshTarget(client);
            return restoreInto(client);
        }
    }

    List<String> restoreInto(MongoClient client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers, DaemonThreads.named("mongo-restore-writer"));
        BatchingVisitor visitor = new BatchingVisitor(client, pool);
        ArchiveSummary summary;
        RestoreProgress progress = new RestoreProgress(
                new BufferedInputStream(Files.newInputStream(archive), 1 << 16), "mongodb restore");
        try (InputStream in = progress) {
            summary = MongoArchiveReader.readGzip(in, visitor);
            visitor.flushAll();
            visitor.awaitWrites();
        } catch (MongoArchiveException e) {
            throw new RestoreFailedException(FailureCategory.CORRUPT_BACKUP, archive.getFileName() + ": " + e.getMessage()
                    + ". Documents read before the fault do not count as restored; take a new backup.", e);
        } finally {
            pool.shutdownNow();
        }
        String data = progress.summary();
        long indexStart = System.nanoTime();
        int indexes = visitor.createIndexes();
        List<String> notes = new ArrayList<>(visitor.notes);
        notes.add(0, "restored " + visitor.inserted.get() + " documents into " + visitor.restored.size()
                + " collections (archive " + data + ") and created " + indexes + " indexes in "
                + (System.nanoTime() - indexStart) / 1_000_000 + " ms from " + archive.getFileName() + " (mongodump "
                + summary.header().toolVersion() + ", server " + summary.header().serverVersion() + ")");
        notes.forEach(log::appendLine);
        return notes;
    }

    /** {@code --drop} clears what is there: acceptable only on the drill's own, empty target. */
    private static void requireFreshTarget(MongoClient client) throws RestoreFailedException {
        for (String db : client.listDatabaseNames()) {
            if (SYSTEM_DATABASES.contains(db)) {
                continue;
            }
            List<String> collections = client.getDatabase(db).listCollectionNames().into(new ArrayList<>());
            if (!collections.isEmpty()) {
                throw new RestoreFailedException(FailureCategory.RESTORE_FAILURE, "the target mongodb is not fresh (database " + db
                        + " holds " + collections + "); the drill applies --drop semantics only to its own new "
                        + "volume. Start a new drill.");
            }
        }
    }

    /** Collects documents per namespace into batches and hands full batches to the writers. */
    private final class BatchingVisitor implements ArchiveVisitor {

        private final MongoClient client;
        private final ExecutorService pool;
        private final Semaphore inFlight = new Semaphore(2 * writers);
        private final List<Future<?>> writes = new ArrayList<>();
        private final Map<Namespace, List<RawBsonDocument>> batches = new HashMap<>();
        private final Map<Namespace, Long> batchBytes = new HashMap<>();
        private final Map<Namespace, CollectionMetadata> restored = new LinkedHashMap<>();
        private final Set<Namespace> skipped = new HashSet<>();
        private final List<String> notes = new ArrayList<>();
        private final AtomicLong inserted = new AtomicLong();
        private String serverVersion = "";

        BatchingVisitor(MongoClient client, ExecutorService pool) {
            this.client = client;
            this.pool = pool;
        }

        @Override
        public void header(ArchiveHeader header) {
            serverVersion = header.serverVersion();
        }

        @Override
        public void collection(CollectionMetadata metadata) {
            Namespace ns = metadata.ns();
            if (ns.isSystem()) {
                skip(metadata.dataNamespace(serverVersion), ns + " skipped: system collection or oplog, rebuilt by "
                        + "the server (as mongorestore does without --oplogReplay)");
            } else if (!CollectionMetadata.COLLECTION.equals(metadata.type())) {
                skip(metadata.dataNamespace(serverVersion), ns + " skipped: a " + metadata.type() + ", which the "
                        + "driver engine does not restore; use -Ddrill.mongo.engine=mongorestore with an image "
                        + "that has it");
            } else {
                // --drop, on a target already proven fresh.
                database(ns).getCollection(ns.collection()).drop();
                database(ns).createCollection(ns.collection());
                restored.put(ns, metadata);
            }
        }

        private void skip(Namespace dataNamespace, String note) {
            skipped.add(dataNamespace);
            notes.add(note);
        }

        @Override
        public void document(Namespace ns, RawBsonDocument doc) {
            if (skipped.contains(ns) || ns.isOplog()) {
                return;
            }
            List<RawBsonDocument> batch = batches.computeIfAbsent(ns, key -> new ArrayList<>(batchSize));
            batch.add(doc);
            long bytes = batchBytes.merge(ns, (long) doc.getByteBuffer().remaining(), Long::sum);
            if (batch.size() >= batchSize || bytes >= MAX_BATCH_BYTES) {
                submit(ns, batches.remove(ns));
            }
        }

        @Override
        public void namespaceEnd(Namespace ns, long documents, long crc) {
            List<RawBsonDocument> rest = batches.remove(ns);
            if (rest != null && !rest.isEmpty()) {
                submit(ns, rest);
            }
        }

        void flushAll() {
            new ArrayList<>(batches.keySet()).forEach(ns -> submit(ns, batches.remove(ns)));
        }

        private void submit(Namespace ns, List<RawBsonDocument> batch) {
            batchBytes.remove(ns);
            inFlight.acquireUninterruptibly();
            // Only the writes not yet known good are kept, so memory does not grow with the archive; a failed one
            // stays for awaitWrites to report.
            writes.removeIf(BatchingVisitor::succeeded);
            writes.add(pool.submit(() -> {
                try {
                    database(ns).getCollection(ns.collection(), RawBsonDocument.class)
                            .insertMany(batch, new InsertManyOptions().ordered(false));
                    inserted.addAndGet(batch.size());
                } finally {
                    inFlight.release();
                }
                return null;
            }));
        }

        private static boolean succeeded(Future<?> write) {
            if (!write.isDone() || write.isCancelled()) {
                return false;
            }
            try {
                write.get();
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (java.util.concurrent.ExecutionException e) {
                return false;
            }
        }

        void awaitWrites() throws Exception {
            for (Future<?> write : writes) {
                write.get();
            }
        }

        int createIndexes() {
            int created = 0;
            for (CollectionMetadata metadata : restored.values()) {
                BsonArray specs = new BsonArray();
                for (IndexSpec index : metadata.indexes()) {
                    if (!"_id_".equals(index.name())) {
                        BsonDocument spec = new BsonDocument("key", index.key())
                                .append("name", new BsonString(index.name()));
                        index.options().forEach(spec::append);
                        specs.add(spec);
                    }
                }
                if (!specs.isEmpty()) {
                    database(metadata.ns()).runCommand(new BsonDocument("createIndexes",
                            new BsonString(metadata.ns().collection())).append("indexes", specs));
                    created += specs.size();
                }
            }
            return created;
        }

        private MongoDatabase database(Namespace ns) {
            return client.getDatabase(ns.db());
        }
    }
}
