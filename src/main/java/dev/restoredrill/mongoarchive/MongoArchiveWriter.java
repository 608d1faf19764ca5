package dev.restoredrill.mongoarchive;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;

/**
 * Writes a mongodump archive as mongodump does: magic, header, one metadata document per collection,
 * then each namespace's documents in blocks of at most {@value #BLOCK_DOCUMENTS} documents or about
 * {@value #BLOCK_BYTES} bytes (so blocks of namespaces written alternately interleave), and on
 * {@link #close()} an EOF header with the CRC-64 for every namespace, empty ones included.
 *
 * <p>Add every collection before the first document. Memory: one pending block per namespace.
 * {@link #close()} finishes the archive but does not close the caller's stream.
 */
public final class MongoArchiveWriter implements Closeable {

    static final int BLOCK_DOCUMENTS = 1000;
    static final int BLOCK_BYTES = 64 * 1024;

    private final OutputStream out;
    private final GZIPOutputStream gzip;
    private final String serverVersion;
    private final Map<Namespace, PendingBlock> namespaces = new LinkedHashMap<>();
    private boolean preludeDone;
    private boolean closed;

    public MongoArchiveWriter(OutputStream out, ArchiveHeader header) throws IOException {
        this(out, null, header);
    }

    private MongoArchiveWriter(OutputStream out, GZIPOutputStream gzip, ArchiveHeader header) throws IOException {
        this.out = new BufferedOutputStream(gzip != null ? gzip : out, 64 * 1024);
        this.gzip = gzip;
        this.serverVersion = header.serverVersion();
        this.out.write(ArchiveFormat.MAGIC);
        this.out.write(BsonBytes.of(new BsonDocument("concurrent_collections", new BsonInt32(header.concurrentCollections()))
                .append("version", new BsonString(header.formatVersion()))
                .append("server_version", new BsonString(header.serverVersion()))
                .append("tool_version", new BsonString(header.toolVersion()))));
    }

    /** A writer for the {@code --gzip} form: the whole archive in one gzip stream written to {@code out}. */
    public static MongoArchiveWriter gzip(OutputStream out, ArchiveHeader header) throws IOException {
        return gzip(new GZIPOutputStream(out, 64 * 1024), header);
    }

    /** The {@code --gzip} form into a gzip stream the caller made (its compression level, say); finished on close. */
    public static MongoArchiveWriter gzip(GZIPOutputStream gzip, ArchiveHeader header) throws IOException {
        return new MongoArchiveWriter(gzip, gzip, header);
    }

    /**
     * Declares a collection (written to the prelude). A time-series collection's documents go to its
     * {@link CollectionMetadata#dataNamespace data namespace}, {@code system.buckets.<name>}.
     */
    public void addCollection(CollectionMetadata metadata) throws IOException {
        checkOpen();
        if (preludeDone) {
            throw new IllegalStateException("Collection " + metadata.ns() + " added after the first document: "
                    + "add every collection before writing documents (the prelude comes first in the archive).");
        }
        Namespace data = metadata.dataNamespace(serverVersion);
        if (namespaces.containsKey(data)) {
            throw new IllegalArgumentException("Collection " + metadata.ns() + " was already added.");
        }
        // Views hold no documents; mongodump's archive still carries an (empty) namespace for them.
        namespaces.put(data, new PendingBlock(data));
        out.write(MetadataCodec.encode(metadata));
    }

    /** Appends one document to {@code ns}, a namespace declared with {@link #addCollection}. */
    public void writeDocument(Namespace ns, BsonDocument doc) throws IOException {
        checkOpen();
        PendingBlock block = namespaces.get(ns);
        if (block == null) {
            throw new IllegalArgumentException("Namespace " + ns + " was not declared: call addCollection first "
                    + "(declared: " + namespaces.keySet() + ").");
        }
        byte[] bytes = BsonBytes.of(doc);
        if (bytes.length > ArchiveFormat.MAX_BSON_SIZE) {
            throw new IllegalArgumentException("A document of " + ns + " is " + bytes.length
                    + " bytes, over MongoDB's 16 MiB limit; mongorestore could not insert it.");
        }
        finishPrelude();
        block.add(bytes);
        if (block.isFull()) {
            block.flushTo(out);
        }
    }

    /** Writes the remaining blocks, every namespace's EOF header, and finishes the gzip stream if any. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        finishPrelude();
        for (PendingBlock block : namespaces.values()) {
            block.flushTo(out);
            out.write(NamespaceHeader.end(block.ns, block.crc.getValue()).toBytes());
            out.write(ArchiveFormat.TERMINATOR_BYTES);
        }
        closed = true;
        out.flush();
        if (gzip != null) {
            gzip.finish();
            gzip.flush();
        }
    }

    private void finishPrelude() throws IOException {
        if (!preludeDone) {
            out.write(ArchiveFormat.TERMINATOR_BYTES);
            preludeDone = true;
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The archive writer is closed.");
        }
    }

    /** The documents of one namespace not yet written, and the CRC of all its documents so far. */
    private static final class PendingBlock {
        private final Namespace ns;
        private ByteArrayOutputStream documents = new ByteArrayOutputStream();
        private final Crc64Ecma crc = new Crc64Ecma();
        private int count;
        private boolean everWritten;

        PendingBlock(Namespace ns) {
            this.ns = ns;
        }

        void add(byte[] document) {
            documents.write(document, 0, document.length);
            crc.update(document);
            count++;
        }

        boolean isFull() {
            return count >= BLOCK_DOCUMENTS || documents.size() >= BLOCK_BYTES;
        }

        /** Writes pending documents as one block; an empty namespace gets one empty block, as mongodump writes. */
        void flushTo(OutputStream out) throws IOException {
            if (count == 0 && everWritten) {
                return;
            }
            out.write(NamespaceHeader.open(ns).toBytes());
            documents.writeTo(out);
            out.write(ArchiveFormat.TERMINATOR_BYTES);
            // reset() keeps the grown buffer; after a block of big documents let it go instead.
            documents = documents.size() > 2 * BLOCK_BYTES ? new ByteArrayOutputStream() : documents;
            documents.reset();
            count = 0;
            everWritten = true;
        }
    }
}
