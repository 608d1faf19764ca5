package dev.restoredrill.mongoarchive;

import java.util.List;
import java.util.Objects;
import org.bson.BsonDocument;

/**
 * What the archive's prelude says about one collection: its kind, indexes and creation options.
 *
 * @param type            "collection", "view", "timeseries", or "oplog" for the {@code --oplog} entry
 *                        (which carries no metadata)
 * @param rawMetadataJson the metadata JSON exactly as stored (extended JSON); the writer stores it
 *                        verbatim when present and builds it from the other fields when null
 */
public record CollectionMetadata(Namespace ns, String type, List<IndexSpec> indexes, BsonDocument options,
                                 String rawMetadataJson) {

    public static final String COLLECTION = "collection";
    public static final String VIEW = "view";
    public static final String TIMESERIES = "timeseries";
    public static final String OPLOG = "oplog";

    public CollectionMetadata {
        Objects.requireNonNull(ns, "ns");
        Objects.requireNonNull(type, "type");
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
        options = options == null ? new BsonDocument() : options;
    }

    /** A plain collection with the given indexes and no special options. */
    public static CollectionMetadata collection(Namespace ns, List<IndexSpec> indexes) {
        return new CollectionMetadata(ns, COLLECTION, indexes, new BsonDocument(), null);
    }

    /**
     * The namespace whose blocks carry this collection's documents. Time-series collections keep
     * their data in {@code system.buckets.<name>} before server 8.3 (as mongodump and mongorestore
     * do); everything else in its own namespace.
     */
    public Namespace dataNamespace(String serverVersion) {
        if (TIMESERIES.equals(type) && ServerVersion.isBefore(serverVersion, 8, 3)) {
            return new Namespace(ns.db(), "system.buckets." + ns.collection());
        }
        return ns;
    }
}
