package dev.restoredrill.mongoarchive;

import org.bson.RawBsonDocument;

/**
 * Receives an archive's contents as {@link MongoArchiveReader} streams through it, in archive order.
 * Documents of different namespaces may interleave, as mongodump dumps collections concurrently.
 */
public interface ArchiveVisitor {

    default void header(ArchiveHeader h) {
    }

    /** Once per collection of the prelude, before any document. */
    default void collection(CollectionMetadata m) {
    }

    /** Each document, with its own buffer: a visitor may keep it. */
    default void document(Namespace ns, RawBsonDocument doc) {
    }

    /** When a namespace's EOF header arrived and its CRC matched the documents read. */
    default void namespaceEnd(Namespace ns, long documents, long crc) {
    }
}
