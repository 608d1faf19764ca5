package dev.restoredrill.mongoarchive;

import java.util.Objects;
import java.util.OptionalLong;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonValue;

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

    /**
     * The seconds after the date in its key field at which mongod's TTL monitor deletes a document, when this
     * is a TTL index: a numeric {@code expireAfterSeconds} on a single-field index (mongod ignores it on
     * compound indexes). Empty otherwise.
     */
    public OptionalLong expireAfterSeconds() {
        BsonValue seconds = options.get("expireAfterSeconds");
        if (seconds == null || !seconds.isNumber() || key.size() != 1) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, seconds.asNumber().longValue()));
    }

    /** The field a TTL index reads its date from (its only key), e.g. {@code expiration}. */
    public String ttlField() {
        return key.getFirstKey();
    }
}
