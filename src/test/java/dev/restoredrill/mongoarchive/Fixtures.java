package dev.restoredrill.mongoarchive;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.bson.RawBsonDocument;

/** The golden archives written by the real mongodump (see README.md beside them) and small helpers. */
final class Fixtures {

    static final String TEST_BAR = "test.bar.archive";
    static final String DUMP_WITH_OPLOG = "dump-w-oplog.archive";
    static final String TIMESERIES = "timeseries_tests-dump.archive";
    static final String BAD_FORMAT = "bad-format.archive";

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    static ArchiveSummary read(byte[] archive, ArchiveVisitor visitor) throws IOException {
        return MongoArchiveReader.read(new ByteArrayInputStream(archive), visitor);
    }

    static ArchiveSummary read(byte[] archive) throws IOException {
        return read(archive, new ArchiveVisitor() { });
    }

    /** Records everything a reader reports, in order. */
    static final class Recorder implements ArchiveVisitor {
        ArchiveHeader header;
        final List<CollectionMetadata> collections = new ArrayList<>();
        final Map<Namespace, List<RawBsonDocument>> documents = new LinkedHashMap<>();
        final List<Namespace> documentOrder = new ArrayList<>();
        final Map<Namespace, Long> ends = new LinkedHashMap<>();

        @Override
        public void header(ArchiveHeader h) {
            header = h;
        }

        @Override
        public void collection(CollectionMetadata m) {
            collections.add(m);
        }

        @Override
        public void document(Namespace ns, RawBsonDocument doc) {
            documents.computeIfAbsent(ns, k -> new ArrayList<>()).add(doc);
            documentOrder.add(ns);
        }

        @Override
        public void namespaceEnd(Namespace ns, long count, long crc) {
            ends.put(ns, count);
        }

        List<RawBsonDocument> documents(Namespace ns) {
            return documents.getOrDefault(ns, List.of());
        }

        CollectionMetadata collection(Namespace ns) {
            return collections.stream().filter(c -> c.ns().equals(ns)).findFirst()
                    .orElseThrow(() -> new AssertionError("no metadata for " + ns + " in " + collections));
        }
    }
}
