package dev.restoredrill.mongoarchive;

import java.util.Objects;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;

/**
 * One index of a collection, as listed in the archive's metadata.
 *
 * @param options everything of the index document except {@code v}, {@code key}, {@code name} and
 *                {@code ns}: e.g. {@code unique}, {@code sparse}, {@code expireAfterSeconds}
 */
public record IndexSpec(String name, BsonDocument key, BsonDocument options) {

    public IndexSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        options = options == null ? new BsonDocument() : options;
    }

    public static IndexSpec of(String name, BsonDocument key) {
        return new IndexSpec(name, key, new BsonDocument());
    }

    public static IndexSpec unique(String name, BsonDocument key) {
        return new IndexSpec(name, key, new BsonDocument("unique", BsonBoolean.TRUE));
    }

    public boolean isUnique() {
        return options.getBoolean("unique", BsonBoolean.FALSE).getValue();
    }
}
