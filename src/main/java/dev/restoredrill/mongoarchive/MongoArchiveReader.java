package dev.restoredrill.mongoarchive;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.bson.BSONException;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

/**
 * Streams a mongodump archive ({@code mongodump --archive}) through an {@link ArchiveVisitor}, one
 * document at a time, verifying as it goes: magic number, prelude, block structure, the CRC-64 of
 * every namespace, and that the archive is complete (every namespace ended, every collection the
 * prelude declares present). Any defect raises a {@link MongoArchiveException} that says where.
 *
 * <p>Memory is bounded by one document (at most 16 MiB) plus a CRC and a counter per namespace.
 */
public final class MongoArchiveReader {

    private final FrameReader frames;
    private final ArchiveVisitor visitor;
    private final List<CollectionMetadata> collections = new ArrayList<>();
    private final Map<Namespace, NamespaceProgress> namespaces = new LinkedHashMap<>();
    private ArchiveHeader header;

    private MongoArchiveReader(InputStream in, ArchiveVisitor visitor) {
        this.frames = new FrameReader(in);
        this.visitor = visitor;
    }

    /** Reads an uncompressed archive; the caller owns (and closes) the stream. */
    public static ArchiveSummary read(InputStream archive, ArchiveVisitor visitor) throws IOException {
        // Frames are read 4 bytes at a time, so unbuffered streams (files, sockets, gzip) get a buffer.
        boolean buffered = archive instanceof BufferedInputStream || archive instanceof ByteArrayInputStream;
        InputStream in = buffered ? archive : new BufferedInputStream(archive, 64 * 1024);
        return new MongoArchiveReader(in, visitor).readAll();
    }

    /** Reads a {@code mongodump --archive --gzip} archive: the whole archive inside one gzip stream. */
    public static ArchiveSummary readGzip(InputStream gz, ArchiveVisitor visitor) throws IOException {
        GZIPInputStream archive;
        try {
            archive = new GZIPInputStream(gz, 64 * 1024);
        } catch (EOFException e) {
            throw new MongoArchiveException("The gzip archive is empty or ends inside its gzip header: expected a "
                    + "`mongodump --archive --gzip` file. Check that the backup job wrote the file completely.", e);
        } catch (ZipException e) {
            throw new MongoArchiveException("Not a gzip stream (" + e.getMessage() + "): expected a "
                    + "`mongodump --archive --gzip` file. For an uncompressed archive use MongoArchiveReader.read.", e);
        }
        return read(archive, visitor);
    }

    private ArchiveSummary readAll() throws IOException {
        checkMagic();
        readPrelude();
        readBlocks();
        checkComplete();
        Map<Namespace, Long> counts = new LinkedHashMap<>();
        namespaces.forEach((ns, progress) -> counts.put(ns, progress.documents));
        return new ArchiveSummary(header, collections, counts, frames.offset());
    }

    private void checkMagic() throws MongoArchiveException {
        byte[] magic = new byte[4];
        int got = frames.readMagic(magic);
        if (got == 0) {
            throw new MongoArchiveException("The archive is empty (0 bytes): expected a mongodump archive starting "
                    + "with the magic bytes 6D E2 99 81. Check that the backup job wrote the file.");
        }
        if (Arrays.equals(magic, 0, got, ArchiveFormat.MAGIC, 0, got)) {
            if (got == 4) {
                return;
            }
            throw new MongoArchiveException("The archive is truncated: it ends after " + got + " of the 4 magic "
                    + "bytes. Copy the complete backup file or take the dump again.");
        }
        String hint = got >= 2 && magic[0] == 0x1F && magic[1] == (byte) 0x8B
                ? " It looks gzip-compressed (mongodump --gzip): read it with MongoArchiveReader.readGzip."
                : " It is not a mongodump --archive file.";
        throw new MongoArchiveException("Not a mongodump archive: expected the magic bytes 6D E2 99 81, found "
                + ArchiveFormat.hex(magic, got) + (got < 4 ? " (only " + got + " bytes)." : ".") + hint);
    }

    /** The prelude is one block: the header document, a metadata document per collection, a terminator. */
    private void readPrelude() throws IOException {
        FrameReader.Frame frame = requireFrame("the archive header document");
        if (frame.isTerminator()) {
            throw corrupt(frame.offset(), "expected the archive header document, found a terminator");
        }
        header = parseHeader(frame);
        visitor.header(header);
        while (true) {
            frame = requireFrame("the prelude (a collection-metadata document or its terminator)");
            if (frame.isTerminator()) {
                return;
            }
            CollectionMetadata metadata = MetadataCodec.parse(frame.document(), frame.offset());
            collections.add(metadata);
            visitor.collection(metadata);
        }
    }

    private void readBlocks() throws IOException {
        while (true) {
            FrameReader.Frame frame = frames.next("a namespace header");
            if (frame == null) {
                return;
            }
            if (frame.isTerminator()) {
                throw corrupt(frame.offset(), "found a terminator where a namespace header was expected "
                        + "(two terminators in a row)");
            }
            NamespaceHeader block = NamespaceHeader.parse(frame.document(), frame.offset());
            NamespaceProgress progress = namespaces.computeIfAbsent(block.ns(), ns -> new NamespaceProgress());
            if (progress.ended) {
                throw corrupt(frame.offset(), "namespace " + block.ns() + " has a block after its EOF header");
            }
            if (block.eof()) {
                endNamespace(block, progress, frame.offset());
            } else {
                readDocuments(block.ns(), progress);
            }
        }
    }

    private void readDocuments(Namespace ns, NamespaceProgress progress) throws IOException {
        String what = "a document (or the block terminator) of namespace " + ns;
        while (true) {
            FrameReader.Frame frame = requireFrame(what);
            if (frame.isTerminator()) {
                return;
            }
            progress.crc.update(frame.document());
            progress.documents++;
            visitor.document(ns, new RawBsonDocument(frame.document()));
        }
    }

    private void endNamespace(NamespaceHeader eof, NamespaceProgress progress, long offset) throws IOException {
        long computed = progress.crc.getValue();
        if (computed != eof.crc()) {
            throw new MongoArchiveException(String.format(
                    "CRC mismatch for namespace %s (EOF header at byte offset %d): the archive records %s, its %d "
                            + "documents compute to %s. The archive is corrupt; take the dump again.",
                    eof.ns(), offset, Crc64Ecma.hex(eof.crc()), progress.documents, Crc64Ecma.hex(computed)));
        }
        progress.ended = true;
        FrameReader.Frame after = requireFrame("the terminator after the EOF header of namespace " + eof.ns());
        if (!after.isTerminator()) {
            throw corrupt(after.offset(), "namespace " + eof.ns() + " has documents after its EOF header");
        }
        visitor.namespaceEnd(eof.ns(), progress.documents, computed);
    }

    /**
     * An archive cut at a block boundary parses cleanly, so completeness is what tells it apart: every
     * namespace begun must have ended, and every collection of the prelude must have appeared (as
     * mongorestore demands). Views are exempt: whether a view gets (empty) blocks depends on the
     * mongodump version.
     */
    private void checkComplete() throws MongoArchiveException {
        Set<Namespace> unfinished = namespaces.entrySet().stream().filter(e -> !e.getValue().ended)
                .map(Map.Entry::getKey).collect(Collectors.toCollection(LinkedHashSet::new));
        if (!unfinished.isEmpty()) {
            throw new MongoArchiveException(String.format(
                    "The archive is truncated: it ends at byte offset %d while namespace(s) %s have no EOF header. "
                            + "Copy the complete backup file or take the dump again.", frames.offset(), unfinished));
        }
        Set<Namespace> missing = new LinkedHashSet<>();
        for (CollectionMetadata collection : collections) {
            Namespace data = collection.dataNamespace(header.serverVersion());
            if (!collection.type().equals(CollectionMetadata.VIEW) && !namespaces.containsKey(data)) {
                missing.add(data);
            }
        }
        if (!missing.isEmpty()) {
            throw new MongoArchiveException(String.format(
                    "The archive is truncated: it ends at byte offset %d before the data of namespace(s) %s, which "
                            + "its prelude declares. Copy the complete backup file or take the dump again.",
                    frames.offset(), missing));
        }
    }

    private FrameReader.Frame requireFrame(String what) throws MongoArchiveException {
        long at = frames.offset();
        FrameReader.Frame frame = frames.next(what);
        if (frame == null) {
            throw new MongoArchiveException(String.format(
                    "The archive is truncated: it ends at byte offset %d where %s was expected. "
                            + "Copy the complete backup file or take the dump again.", at, what));
        }
        return frame;
    }

    private static ArchiveHeader parseHeader(FrameReader.Frame frame) throws MongoArchiveException {
        try {
            RawBsonDocument doc = new RawBsonDocument(frame.document());
            if (!doc.isString("version")) {
                throw corrupt(frame.offset(), "the archive header lacks its format 'version' (found "
                        + doc.toJson() + ")");
            }
            BsonValue concurrent = doc.get("concurrent_collections");
            return new ArchiveHeader(
                    doc.isString("server_version") ? doc.getString("server_version").getValue() : "",
                    doc.isString("tool_version") ? doc.getString("tool_version").getValue() : "",
                    doc.getString("version").getValue(),
                    concurrent != null && concurrent.isNumber() ? concurrent.asNumber().intValue() : 1);
        } catch (BSONException e) {
            throw corrupt(frame.offset(), "the archive header is not valid BSON (" + e.getMessage() + ")");
        }
    }

    private static MongoArchiveException corrupt(long offset, String what) {
        return new MongoArchiveException("Corrupt archive at byte offset " + offset + ": " + what
                + ". The file is damaged or was not written by mongodump.");
    }

    /** The running count and CRC of one namespace's documents. */
    private static final class NamespaceProgress {
        private final Crc64Ecma crc = new Crc64Ecma();
        private long documents;
        private boolean ended;
    }
}
