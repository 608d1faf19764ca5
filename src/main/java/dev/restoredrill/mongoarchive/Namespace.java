package dev.restoredrill.mongoarchive;

import java.util.Objects;

/**
 * A MongoDB namespace as the archive names it. The oplog of a {@code mongodump --oplog} archive has
 * an empty database name ({@code db: "", collection: "oplog"}), so its string form is just "oplog".
 */
public record Namespace(String db, String collection) {

    public Namespace {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(collection, "collection");
    }

    /** Parses "db.collection" (the first dot separates them, as collection names may contain dots). */
    public static Namespace parse(String dbDotCollection) {
        int dot = dbDotCollection.indexOf('.');
        if (dot < 0) {
            return new Namespace("", dbDotCollection);
        }
        return new Namespace(dbDotCollection.substring(0, dot), dbDotCollection.substring(dot + 1));
    }

    /** True for the point-in-time oplog that {@code mongodump --oplog} stores beside the collections. */
    public boolean isOplog() {
        return db.isEmpty() && collection.equals("oplog");
    }

    @Override
    public String toString() {
        return db.isEmpty() ? collection : db + "." + collection;
    }
}
