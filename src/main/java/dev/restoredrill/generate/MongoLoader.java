package dev.restoredrill.generate;

import dev.restoredrill.stack.ServiceEndpoint;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

/** Inserts LibreChat's documents into the source MongoDB in batches, with LibreChat's indexes. */
final class MongoLoader implements AutoCloseable {
    static final String DATABASE = "LibreChat";
    private static final int BATCH_DOCUMENTS = 1_000;
    private static final int BATCH_BYTES = 8 << 20;

    private final MongoClient client;
    private final MongoDatabase database;

    MongoLoader(ServiceEndpoint endpoint) {
        // A reply that has not come after SILENT_STORE ends the load with an error instead of a wait for ever.
        this.client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(endpoint.mongodbUri()))
                .applyToSocketSettings(socket -> socket.readTimeout(SourceLoader.SILENT_STORE.toMillis(), TimeUnit.MILLISECONDS))
                .build());
        this.database = client.getDatabase(DATABASE);
    }

    /**
     * The indexes LibreChat's Mongoose schemas declare, its TTL indexes included (packages/data-schemas/src/schema:
     * session.ts {@code expiration: {expires: 0}}, convo.ts and message.ts {@code index({expiredAt: 1},
     * {expireAfterSeconds: 0})}). The reference source stores them and lists them to the dump, but deletes nothing.
     */
    void createIndexes() {
        ttlIndex("sessions", "expiration");
        ttlIndex("conversations", "expiredAt");
        ttlIndex("messages", "expiredAt");
        index("users", new BsonDocument("email", new BsonInt32(1)), true);
        index("conversations", new BsonDocument("conversationId", new BsonInt32(1)).append("user", new BsonInt32(1)), true);
        index("conversations", new BsonDocument("user", new BsonInt32(1)), false);
        index("conversations", new BsonDocument("createdAt", new BsonInt32(1)).append("updatedAt", new BsonInt32(1)), false);
        index("messages", new BsonDocument("messageId", new BsonInt32(1)).append("user", new BsonInt32(1)), true);
        index("messages", new BsonDocument("conversationId", new BsonInt32(1)), false);
        index("messages", new BsonDocument("user", new BsonInt32(1)), false);
        index("messages", new BsonDocument("createdAt", new BsonInt32(1)), false);
        index("agents", new BsonDocument("id", new BsonInt32(1)), true);
        index("balances", new BsonDocument("user", new BsonInt32(1)), false);
        index("sessions", new BsonDocument("user", new BsonInt32(1)), false);
        index("transactions", new BsonDocument("user", new BsonInt32(1)), false);
    }

    private void ttlIndex(String collection, String field) {
        database.getCollection(collection, BsonDocument.class).createIndex(new BsonDocument(field, new BsonInt32(1)),
                new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    private void index(String collection, BsonDocument keys, boolean unique) {
        database.getCollection(collection, BsonDocument.class).createIndex(keys, new IndexOptions().unique(unique));
    }

    /** A batch of inserts into one collection; call {@link #flush()} at the end. */
    Batch batch(String collection) {
        return new Batch(database.getCollection(collection, RawBsonDocument.class));
    }

    @Override
    public void close() {
        client.close();
    }

    static final class Batch {
        private final MongoCollection<RawBsonDocument> collection;
        private final List<RawBsonDocument> pending = new ArrayList<>();
        private long pendingBytes;
        private long documents;
        private long bytes;

        private Batch(MongoCollection<RawBsonDocument> collection) {
            this.collection = collection;
        }

        /** Queues a document (inserting the batch when full); returns its size in BSON bytes. */
        int add(BsonDocument document) {
            RawBsonDocument raw = new RawBsonDocument(document, new BsonDocumentCodec());
            int size = raw.getByteBuffer().remaining();
            pending.add(raw);
            pendingBytes += size;
            if (pending.size() >= BATCH_DOCUMENTS || pendingBytes >= BATCH_BYTES) {
                flush();
            }
            return size;
        }

        void flush() {
            if (!pending.isEmpty()) {
                collection.insertMany(pending);
                documents += pending.size();
                bytes += pendingBytes;
                pending.clear();
                pendingBytes = 0;
            }
        }

        String namespace() {
            return collection.getNamespace().getFullName();
        }

        long documents() {
            return documents;
        }

        long bytes() {
            return bytes;
        }
    }
}
