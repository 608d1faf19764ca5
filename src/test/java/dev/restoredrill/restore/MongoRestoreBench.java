package dev.restoredrill.restore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.restoredrill.mongoarchive.ArchiveHeader;
import dev.restoredrill.mongoarchive.CollectionMetadata;
import dev.restoredrill.mongoarchive.IndexSpec;
import dev.restoredrill.mongoarchive.MongoArchiveWriter;
import dev.restoredrill.mongoarchive.Namespace;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.types.ObjectId;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Benchmark, not a test (bench/mongo-restore-bench.sh runs it): restores a LibreChat-shaped mongodump archive
 * through {@link MongoArchiveRestore} into the MongoDB at a given URI, prints the rate in MB/s of archive data and
 * checks that every document and index arrived.
 *
 * <p>Usage: {@code MongoRestoreBench ARCHIVE.gz SIZE_MB URI BATCH WRITERS}. The archive is written first when
 * missing (messages with ~1 KB of text and LibreChat's indexes, conversations; sizes as gzip'd archive bytes).
 */
public final class MongoRestoreBench {

    private static final Namespace MESSAGES = new Namespace("LibreChat", "messages");
    private static final Namespace CONVERSATIONS = new Namespace("LibreChat", "conversations");

    private MongoRestoreBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: MongoRestoreBench ARCHIVE.gz SIZE_MB URI BATCH WRITERS");
        }
        Path archive = Path.of(args[0]);
        if (!Files.exists(archive)) {
            write(archive, Long.parseLong(args[1]) * 1_000_000L);
        }
        int batch = Integer.parseInt(args[3]);
        int writers = Integer.parseInt(args[4]);
        try (MongoClient client = MongoClients.create(args[2])) {
            MongoArchiveRestore restore = new MongoArchiveRestore("mongodb", "mongodb", archive, batch, writers);
            long started = System.nanoTime();
            List<String> notes = restore.restoreInto(client);
            double seconds = (System.nanoTime() - started) / 1e9;
            long messages = client.getDatabase("LibreChat").getCollection("messages").countDocuments();
            long conversations = client.getDatabase("LibreChat").getCollection("conversations").countDocuments();
            int indexes = client.getDatabase("LibreChat").getCollection("messages").listIndexes()
                    .into(new ArrayList<>()).size();
            System.out.printf("RESULT archive=%.1fMB batch=%d writers=%d restore=%.1fs rate=%.1fMB/s messages=%d"
                            + " conversations=%d messageIndexes=%d | %s%n", Files.size(archive) / 1e6, batch, writers,
                    seconds, Files.size(archive) / 1e6 / seconds, messages, conversations, indexes, notes.get(0));
        }
    }

    /** LibreChat's message and conversation shape (packages/data-schemas/src/schema/message.ts, convo.ts). */
    private static void write(Path archive, long bytes) throws Exception {
        Random random = new Random(16);
        String[] words = new String[4096];
        for (int i = 0; i < words.length; i++) {
            StringBuilder w = new StringBuilder();
            for (int n = 2 + random.nextInt(9); n > 0; n--) {
                w.append((char) ('a' + random.nextInt(26)));
            }
            words[i] = w.toString();
        }
        Path part = archive.resolveSibling(archive.getFileName() + ".part");
        ObjectId user = new ObjectId();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
            MongoArchiveWriter writer = MongoArchiveWriter.gzip(out, ArchiveHeader.of("7.0.0", "bench"));
            writer.addCollection(CollectionMetadata.collection(MESSAGES, List.of(
                    IndexSpec.of("_id_", new BsonDocument("_id", new BsonInt32(1))),
                    IndexSpec.unique("messageId_1_user_1", new BsonDocument("messageId", new BsonInt32(1))
                            .append("user", new BsonInt32(1))),
                    IndexSpec.of("conversationId_1_user_1", new BsonDocument("conversationId", new BsonInt32(1))
                            .append("user", new BsonInt32(1))),
                    IndexSpec.of("createdAt_1", new BsonDocument("createdAt", new BsonInt32(1))))));
            writer.addCollection(CollectionMetadata.collection(CONVERSATIONS, List.of(
                    IndexSpec.of("_id_", new BsonDocument("_id", new BsonInt32(1))),
                    IndexSpec.unique("conversationId_1_user_1", new BsonDocument("conversationId", new BsonInt32(1))
                            .append("user", new BsonInt32(1))))));
            long time = 1_764_000_000_000L;
            String conversation = UUID.randomUUID().toString();
            String parent = "00000000-0000-0000-0000-000000000000";
            long written = 0;
            for (long i = 0; written < bytes; i++) {
                if (i % 20 == 0) {
                    conversation = new UUID(random.nextLong(), random.nextLong()).toString();
                    parent = "00000000-0000-0000-0000-000000000000";
                    writer.writeDocument(CONVERSATIONS, new BsonDocument("_id", new BsonObjectId(new ObjectId()))
                            .append("conversationId", new BsonString(conversation))
                            .append("user", new BsonString(user.toHexString()))
                            .append("title", new BsonString(words[random.nextInt(words.length)]))
                            .append("endpoint", new BsonString("LiteLLM"))
                            .append("createdAt", new BsonDateTime(time + i)));
                }
                StringBuilder text = new StringBuilder();
                for (int n = 60 + random.nextInt(200); n > 0; n--) {
                    text.append(words[random.nextInt(words.length)]).append(' ');
                }
                String id = new UUID(random.nextLong(), random.nextLong()).toString();
                writer.writeDocument(MESSAGES, new BsonDocument("_id", new BsonObjectId(new ObjectId()))
                        .append("messageId", new BsonString(id))
                        .append("conversationId", new BsonString(conversation))
                        .append("user", new BsonString(user.toHexString()))
                        .append("parentMessageId", new BsonString(parent))
                        .append("sender", new BsonString(i % 2 == 0 ? "User" : "gpt-4o-mini"))
                        .append("text", new BsonString(text.toString()))
                        .append("isCreatedByUser", new BsonBoolean(i % 2 == 0))
                        .append("model", new BsonString("gpt-4o-mini"))
                        .append("endpoint", new BsonString("LiteLLM"))
                        .append("createdAt", new BsonDateTime(time + i))
                        .append("updatedAt", new BsonDateTime(time + i)));
                parent = id;
                if (i % 1000 == 0) {
                    out.flush();
                    written = Files.size(part);
                }
            }
            writer.close();
        }
        Files.move(part, archive, StandardCopyOption.REPLACE_EXISTING);
    }
}
