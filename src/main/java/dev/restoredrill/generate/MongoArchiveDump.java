package dev.restoredrill.generate;

import dev.restoredrill.stack.ServiceEndpoint;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import dev.restoredrill.mongoarchive.ArchiveHeader;
import dev.restoredrill.mongoarchive.CollectionMetadata;
import dev.restoredrill.mongoarchive.IndexSpec;
import dev.restoredrill.mongoarchive.MongoArchiveWriter;
import dev.restoredrill.mongoarchive.Namespace;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.RawBsonDocument;

/**
 * What {@code mongodump --archive --gzip} writes, made from what the source MongoDB holds (the
 * reference mongod stand-in has no mongodump): every database but local and config, each
 * collection's indexes and options in the prelude, then the documents of up to
 * {@value #CONCURRENT_COLLECTIONS} collections at a time, interleaved block by block as
 * mongodump's parallel collection dumps interleave, all in one gzip stream.
 */
final class MongoArchiveDump {
    /** mongodump's default --numParallelCollections. */
    static final int CONCURRENT_COLLECTIONS = 4;
    static final String TOOL_VERSION = "restore-drill-generate 0.1 (mongodump archive format 0.1)";

    private MongoArchiveDump() {
    }

    /** Writes the archive and returns the documents written per namespace. */
    static Map<String, Long> write(ServiceEndpoint endpoint, Path file) {
        try (MongoClient client = MongoClients.create(endpoint.mongodbUri());
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            String serverVersion = client.getDatabase("admin").runCommand(new BsonDocument("buildInfo", new BsonInt32(1)))
                    .getString("version");
            List<CollectionMetadata> collections = collections(client);
            Map<String, Long> counts = new LinkedHashMap<>();
            try (MongoArchiveWriter writer = MongoArchiveWriter.gzip(new FastGzip(out),
                    new ArchiveHeader(serverVersion, TOOL_VERSION, ArchiveHeader.FORMAT_VERSION, CONCURRENT_COLLECTIONS))) {
                for (CollectionMetadata c : collections) {
                    writer.addCollection(c);
                    counts.put(c.ns().toString(), 0L);
                }
                writeInterleaved(client, collections, writer, counts);
            }
            return counts;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the Mongo archive " + file, e);
        } catch (MongoException e) {
            throw new GenerateException("The source MongoDB failed while " + file.getFileName() + " was being written: "
                    + e.getMessage() + ". Its data may be damaged; see the mongodb service's log.", e);
        }
    }

    private static List<CollectionMetadata> collections(MongoClient client) {
        List<CollectionMetadata> collections = new ArrayList<>();
        List<String> databases = client.listDatabaseNames().into(new ArrayList<>());
        databases.sort(null);
        for (String db : databases) {
            if (db.equals("local") || db.equals("config")) {
                continue;
            }
            MongoDatabase database = client.getDatabase(db);
            for (BsonDocument info : database.listCollections(BsonDocument.class).into(new ArrayList<>())) {
                String name = info.getString("name").getValue();
                if (name.startsWith("system.") && !db.equals("admin")) {
                    continue;
                }
                List<IndexSpec> indexes = new ArrayList<>();
                for (BsonDocument index : database.getCollection(name).listIndexes(BsonDocument.class)) {
                    BsonDocument options = index.clone();
                    for (String field : List.of("v", "key", "name", "ns")) {
                        options.remove(field);
                    }
                    indexes.add(new IndexSpec(index.getString("name").getValue(), index.getDocument("key"), options));
                }
                collections.add(new CollectionMetadata(new Namespace(db, name), CollectionMetadata.COLLECTION, indexes,
                        info.getDocument("options", new BsonDocument()), null));
            }
        }
        collections.sort((a, b) -> a.ns().toString().compareTo(b.ns().toString()));
        return collections;
    }

    private static void writeInterleaved(MongoClient client, List<CollectionMetadata> collections, MongoArchiveWriter writer,
                                         Map<String, Long> counts) throws IOException {
        Deque<CollectionMetadata> waiting = new ArrayDeque<>(collections);
        List<Map.Entry<Namespace, MongoCursor<RawBsonDocument>>> open = new ArrayList<>();
        try {
            while (!waiting.isEmpty() || !open.isEmpty()) {
                while (open.size() < CONCURRENT_COLLECTIONS && !waiting.isEmpty()) {
                    Namespace ns = waiting.removeFirst().ns();
                    open.add(Map.entry(ns, client.getDatabase(ns.db()).getCollection(ns.collection(), RawBsonDocument.class)
                            .find().batchSize(1_000).cursor()));
                }
                for (int i = 0; i < open.size(); i++) {
                    Map.Entry<Namespace, MongoCursor<RawBsonDocument>> entry = open.get(i);
                    if (entry.getValue().hasNext()) {
                        writer.writeDocument(entry.getKey(), entry.getValue().next());
                        counts.merge(entry.getKey().toString(), 1L, Long::sum);
                    } else {
                        entry.getValue().close();
                        open.remove(i--);
                    }
                }
            }
        } finally {
            open.forEach(e -> e.getValue().close());
        }
    }
}
