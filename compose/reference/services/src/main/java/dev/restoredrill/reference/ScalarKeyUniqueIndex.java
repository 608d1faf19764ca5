package dev.restoredrill.reference;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * mongo-java-server's in-memory unique index with a short way for the usual key: top-level fields holding a
 * string, ObjectId, date or the like. The library derives every key through path splitting (a regular
 * expression), streams and value normalisation, three times per document (checkAdd, then add, which checks
 * again); that was most of a 1 GB restore's index build (bench/mongo-restore-bench.sh, JFR). Here such a key is
 * read once. Dotted paths, arrays, numbers and sub-documents (which the library normalises), sparse indexes and
 * updates take the library's way, so the keys and the duplicate-key errors are the same.
 */
final class ScalarKeyUniqueIndex extends MemoryUniqueIndex {

    /** The fields, when every key is a top-level field of a non-sparse index; else empty (the library's way). */
    private final List<String> topLevelFields;

    ScalarKeyUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        List<String> fields = keys.stream().map(IndexKey::getKey).toList();
        boolean plain = !sparse && fields.stream().noneMatch(field -> field.contains(".") || field.startsWith("$"));
        this.topLevelFields = plain ? fields : List.of();
    }

    @Override
    public Set<KeyValue> getKeyValues(Document document) {
        KeyValue key = scalarKey(document);
        return key != null ? Set.of(key) : super.getKeyValues(document);
    }

    @Override
    public synchronized void checkAdd(Document document, MongoCollection<Integer> collection) {
        if (isEmpty()) {
            // Nothing to collide with. The library's index build checks every document against the empty index
            // before adding them (add checks each again), so this halves the build.
            return;
        }
        KeyValue key = scalarKey(document);
        if (key == null) {
            super.checkAdd(document, collection);
        } else if (getPosition(key) != null) {
            throw new DuplicateKeyError(this, collection, getKeys(), key);
        }
    }

    @Override
    public synchronized void add(Document document, Integer position, MongoCollection<Integer> collection) {
        KeyValue key = scalarKey(document);
        if (key == null) {
            super.add(document, position, collection);
        } else if (!putKeyPosition(key, position)) {
            throw new DuplicateKeyError(this, collection, getKeys(), key);
        }
    }

    /**
     * The key as the library would build it, or null when building it needs the library: a missing field is
     * null (as the library normalises it); a number, array or sub-document is the library's to normalise.
     */
    private KeyValue scalarKey(Document document) {
        if (topLevelFields.isEmpty()) {
            return null;
        }
        Object[] values = new Object[topLevelFields.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = document.getOrMissing(topLevelFields.get(i));
            if (value instanceof Number || value instanceof Collection || value instanceof Map) {
                return null;
            }
            values[i] = Missing.isNullOrMissing(value) ? null : value;
        }
        return new KeyValue(values);
    }
}
