package dev.restoredrill.reference;

import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One copy of each field name. The library decodes every document's field names into new strings, so a
 * collection of millions of LibreChat messages held the same fifteen names millions of times, about a fifth
 * of the stand-in's heap, all of it copied by each collection. Bounded, so documents with ever new names (a
 * hostile archive) cannot grow it: past the bound, or for a long name, the name is kept as decoded.
 */
final class FieldNames {

    private static final int MAX_NAMES = 10_000;
    private static final int MAX_NAME_LENGTH = 64;

    private final Map<String, String> canonical = new ConcurrentHashMap<>();

    /** The document with its names (also in sub-documents and arrays of them) replaced by the shared copies. */
    Document compact(Document document) {
        Document copy = new Document();
        document.forEach((name, value) -> copy.put(canonical(name), compactValue(value)));
        return copy;
    }

    private Object compactValue(Object value) {
        if (value instanceof Document document) {
            return compact(document);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(compactValue(element)));
            return copy;
        }
        return value;
    }

    private String canonical(String name) {
        String shared = canonical.get(name);
        if (shared != null) {
            return shared;
        }
        if (name.length() > MAX_NAME_LENGTH || canonical.size() >= MAX_NAMES) {
            return name;
        }
        shared = canonical.putIfAbsent(name, name);
        return shared != null ? shared : name;
    }
}
