package dev.restoredrill.mongoarchive;

import org.bson.BSONException;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

/** The header of a data block: {@code {db, collection, EOF, CRC}}; CRC is only meaningful when EOF is true. */
record NamespaceHeader(Namespace ns, boolean eof, long crc) {

    static NamespaceHeader open(Namespace ns) {
        return new NamespaceHeader(ns, false, 0L);
    }

    static NamespaceHeader end(Namespace ns, long crc) {
        return new NamespaceHeader(ns, true, crc);
    }

    static NamespaceHeader parse(byte[] bytes, long offset) throws MongoArchiveException {
        try {
            RawBsonDocument doc = new RawBsonDocument(bytes);
            BsonValue db = doc.get("db");
            BsonValue collection = doc.get("collection");
            if (collection == null || !collection.isString() || collection.asString().getValue().isEmpty()) {
                throw new MongoArchiveException(String.format(
                        "Corrupt archive at byte offset %d: a namespace header lacks its 'collection' name (found %s).",
                        offset, doc.toJson()));
            }
            BsonValue crc = doc.get("CRC");
            return new NamespaceHeader(
                    new Namespace(db != null && db.isString() ? db.asString().getValue() : "",
                            collection.asString().getValue()),
                    doc.getBoolean("EOF", BsonBoolean.FALSE).getValue(),
                    crc != null && crc.isNumber() ? crc.asNumber().longValue() : 0L);
        } catch (BSONException e) {
            throw new MongoArchiveException(String.format(
                    "Corrupt archive at byte offset %d: a namespace header is not valid BSON (%s).",
                    offset, e.getMessage()), e);
        }
    }

    byte[] toBytes() {
        BsonDocument doc = new BsonDocument("db", new BsonString(ns.db()))
                .append("collection", new BsonString(ns.collection()))
                .append("EOF", BsonBoolean.valueOf(eof))
                .append("CRC", new BsonInt64(crc));
        return BsonBytes.of(new RawBsonDocument(doc, new BsonDocumentCodec()));
    }
}
