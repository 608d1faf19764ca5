package dev.restoredrill.reference;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * mongo-java-server's in-memory collection, doing three things another way where a drill's sizes made them costly:
 * <ul>
 * <li>Inserted documents share their field names ({@link FieldNames}).</li>
 * <li>The data size is measured when asked ({@code collStats}, {@code dbStats}, {@code validate}), not by
 * encoding every inserted document again to BSON, which was a sixth of the stand-in's CPU in a 1 GB restore.</li>
 * <li>A sorted query with a limit keeps only the first skip + limit documents (a bounded heap), as mongod's
 * top-k sort does, instead of sorting the whole collection: this stand-in keeps no secondary indexes, and the
 * drill's "newest message" check sorted 3.6 M documents for one.</li>
 * </ul>
 */
final class StandInCollection extends MemoryCollection {

    /** Above this many documents to keep, the heap saves nothing over the library's sort. */
    private static final int MAX_TOP_K = 100_000;

    /**
     * One table for the process (a stand-in is one server). Not handed in: the library's database constructor
     * creates its first collections before a subclass's fields are set.
     */
    private static final FieldNames FIELD_NAMES = new FieldNames();

    StandInCollection(MongoDatabase database, String collectionName, CollectionOptions options,
            CursorRegistry cursorRegistry) {
        super(database, collectionName, options, cursorRegistry);
    }

    /** Field names are shared before the collection's lock is taken, so connections do it at once. */
    @Override
    public List<Document> insertDocuments(List<Document> documents, boolean isOrdered) {
        return super.insertDocuments(documents.stream().map(FIELD_NAMES::compact).toList(), isOrdered);
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    /** The BSON size of all documents, as the library would have summed it (capped, as its counter is an int). */
    @Override
    protected synchronized int getDataSize() {
        ByteBuf buffer = Unpooled.buffer();
        try {
            long total = streamAllDocumentsWithPosition().mapToLong(each -> {
                buffer.clear();
                BsonEncoder.encodeDocument(each.getDocument(), buffer);
                return buffer.writerIndex();
            }).sum();
            return (int) Math.min(total, Integer.MAX_VALUE);
        } finally {
            buffer.release();
        }
    }

    @Override
    protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documentStream, int numberToSkip,
            int limit, int batchSize, Comparator<Document> documentComparator, Document fieldSelector) {
        long keep = (long) Math.max(numberToSkip, 0) + limit;
        if (documentComparator == null || limit <= 0 || keep > MAX_TOP_K) {
            return super.matchDocumentsFromStream(query, documentStream, numberToSkip, limit, batchSize,
                    documentComparator, fieldSelector);
        }
        // Ties keep their natural order (the encounter number breaks them), as the library's stable sort does.
        Comparator<Ranked> order = Comparator.comparing(Ranked::document, documentComparator)
                .thenComparingLong(Ranked::encounter);
        PriorityQueue<Ranked> firsts = new PriorityQueue<>((int) keep + 1, order.reversed());
        long[] encountered = {0};
        documentStream.filter(document -> documentMatchesQuery(document, query)).forEach(document -> {
            firsts.add(new Ranked(document, encountered[0]++));
            if (firsts.size() > keep) {
                firsts.poll();
            }
        });
        List<Document> ranked = firsts.stream().sorted(order).map(Ranked::document).toList();
        // The library does the rest (skip, limit, projection, first batch) on the few documents kept.
        return super.matchDocumentsFromStream(query, ranked.stream(), numberToSkip, limit, batchSize,
                documentComparator, fieldSelector);
    }

    private record Ranked(Document document, long encounter) {
    }
}
