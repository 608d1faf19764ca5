package dev.restoredrill.mongoarchive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;

/**
 * Not a test: writes a large gzip archive and reads it back, printing sizes and rates. Run it under a
 * small heap (bench/mongoarchive-bench.sh uses -Xmx48m) to see that memory does not grow with the archive.
 * Arguments: output file, document count.
 */
public final class MongoArchiveBench {

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "target/bench.archive.gz");
        long documents = args.length > 1 ? Long.parseLong(args[1]) : 2_000_000L;
        Namespace a = new Namespace("bench", "a");
        Namespace b = new Namespace("bench", "b");
        String padding = "x".repeat(200);

        long start = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
             MongoArchiveWriter writer = MongoArchiveWriter.gzip(out, ArchiveHeader.of("7.0.0", "bench"))) {
            writer.addCollection(CollectionMetadata.collection(a, List.of()));
            writer.addCollection(CollectionMetadata.collection(b, List.of()));
            for (long i = 0; i < documents; i++) {
                writer.writeDocument(i % 2 == 0 ? a : b,
                        new BsonDocument("_id", new BsonInt64(i)).append("pad", new BsonString(padding)));
            }
        }
        double writeSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("write        %,d docs in %.1f s (%,.0f docs/s), gzip file %,d bytes%n",
                documents, writeSeconds, documents / writeSeconds, Files.size(file));

        start = System.nanoTime();
        ArchiveSummary summary;
        try (InputStream in = Files.newInputStream(file)) {
            summary = MongoArchiveReader.readGzip(in, new ArchiveVisitor() { });
        }
        double readSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("read+verify  %,d docs, %,d archive bytes in %.1f s (%.0f MiB/s, %,.0f docs/s)%n",
                summary.totalDocuments(), summary.bytesRead(), readSeconds,
                summary.bytesRead() / readSeconds / (1 << 20), summary.totalDocuments() / readSeconds);
        Runtime rt = Runtime.getRuntime();
        System.out.printf("max heap %d MiB, used now %d MiB%n", rt.maxMemory() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20);
    }
}
