package dev.restoredrill.mongoarchive;

import dev.restoredrill.outcome.Excerpt;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.BSONException;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonParseException;
import org.bson.json.JsonWriterSettings;

/**
 * Converts the prelude's collection-metadata documents {@code {db, collection, metadata, size, type?}}
 * to {@link CollectionMetadata} and back. The {@code metadata} field is a string of MongoDB extended
 * JSON: {@code {"options": {...}, "indexes": [...], "uuid": ..., "type": ...}}.
 */
final class MetadataCodec {

    private static final Set<String> INDEX_FIELDS = Set.of("v", "key", "name", "ns");
    /** mongodump writes canonical extended JSON v2 ({"$numberInt": "2"}). */
    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private MetadataCodec() {
    }

    static CollectionMetadata parse(byte[] bytes, long offset) throws MongoArchiveException {
        RawBsonDocument doc;
        Namespace ns;
        String json;
        String declaredType;
        try {
            doc = new RawBsonDocument(bytes);
            ns = new Namespace(string(doc, "db"), string(doc, "collection"));
            json = string(doc, "metadata");
            declaredType = string(doc, "type");
        } catch (BSONException e) {
            throw new MongoArchiveException(String.format(
                    "Corrupt archive at byte offset %d: a collection-metadata document of the prelude is not valid BSON (%s).",
                    offset, e.getMessage()), e);
        }
        if (ns.collection().isEmpty()) {
            throw new MongoArchiveException(String.format(
                    "Corrupt archive at byte offset %d: a collection-metadata document names no collection.", offset));
        }
        if (json.isBlank()) {
            // The oplog entry (and collections dumped without metadata) carry an empty string.
            String type = !declaredType.isEmpty() ? declaredType
                    : ns.isOplog() ? CollectionMetadata.OPLOG : CollectionMetadata.COLLECTION;
            return new CollectionMetadata(ns, type, List.of(), new BsonDocument(), json);
        }
        BsonDocument metadata = parseJson(ns, json, offset);
        try {
            BsonDocument options = metadata.getDocument("options", new BsonDocument());
            List<IndexSpec> indexes = new ArrayList<>();
            for (BsonValue index : metadata.getArray("indexes", new BsonArray())) {
                indexes.add(index(index.asDocument()));
            }
            return new CollectionMetadata(ns, type(declaredType, metadata, options), indexes, options, json);
        } catch (BSONException | IllegalArgumentException e) {
            throw new MongoArchiveException(String.format(
                    "The metadata of collection %s (prelude, byte offset %d) does not have the expected shape "
                            + "{options: {...}, indexes: [{key, name, ...}]}: %s.", ns, offset, e.getMessage()), e);
        }
    }

    /** The prelude document for {@code m}; its metadata JSON is {@code m.rawMetadataJson()} when set. */
    static byte[] encode(CollectionMetadata m) {
        BsonDocument doc = new BsonDocument("db", new BsonString(m.ns().db()))
                .append("collection", new BsonString(m.ns().collection()))
                .append("metadata", new BsonString(m.rawMetadataJson() != null ? m.rawMetadataJson() : json(m)))
                // mongodump writes 0 too: the prelude precedes the data, so the size is not known yet.
                .append("size", new BsonInt32(0));
        if (!m.type().equals(CollectionMetadata.OPLOG)) {
            doc.append("type", new BsonString(m.type()));
        }
        return BsonBytes.of(doc);
    }

    /** The metadata JSON mongodump would write for {@code m}; empty for the oplog. */
    static String json(CollectionMetadata m) {
        if (m.type().equals(CollectionMetadata.OPLOG)) {
            return "";
        }
        BsonArray indexes = new BsonArray();
        for (IndexSpec index : m.indexes()) {
            BsonDocument spec = new BsonDocument("v", new BsonInt32(2))
                    .append("key", index.key())
                    .append("name", new BsonString(index.name()));
            index.options().forEach(spec::append);
            indexes.add(spec);
        }
        return new BsonDocument("options", m.options())
                .append("indexes", indexes)
                .append("collectionName", new BsonString(m.ns().collection()))
                .append("type", new BsonString(m.type()))
                .toJson(CANONICAL);
    }

    private static BsonDocument parseJson(Namespace ns, String json, long offset) throws MongoArchiveException {
        try {
            return BsonDocument.parse(json);
        } catch (JsonParseException | BSONException e) {
            throw new MongoArchiveException(String.format(
                    "The metadata of collection %s (prelude, byte offset %d) is not valid extended JSON: %s. "
                            + "The dump was written by a faulty tool or damaged; take it again. Metadata starts: %s",
                    ns, offset, e.getMessage(), Excerpt.of(json, 120)), e);
        }
    }

    private static IndexSpec index(BsonDocument spec) {
        if (!spec.isDocument("key") || !spec.isString("name")) {
            throw new IllegalArgumentException("an index lacks 'key' or 'name': " + spec.toJson());
        }
        BsonDocument options = new BsonDocument();
        spec.forEach((field, value) -> {
            if (!INDEX_FIELDS.contains(field)) {
                options.append(field, value);
            }
        });
        return new IndexSpec(spec.getString("name").getValue(), spec.getDocument("key"), options);
    }

    private static String type(String declared, BsonDocument metadata, BsonDocument options) {
        if (!declared.isEmpty()) {
            return declared;
        }
        if (metadata.isString("type")) {
            return metadata.getString("type").getValue();
        }
        if (options.containsKey("viewOn")) {
            return CollectionMetadata.VIEW;
        }
        return options.containsKey("timeseries") ? CollectionMetadata.TIMESERIES : CollectionMetadata.COLLECTION;
    }

    private static String string(BsonDocument doc, String field) {
        BsonValue value = doc.get(field);
        return value != null && value.isString() ? value.asString().getValue() : "";
    }
}
