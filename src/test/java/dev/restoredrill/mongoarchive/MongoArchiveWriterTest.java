package dev.restoredrill.mongoarchive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MongoArchiveWriterTest {

    private static final ArchiveHeader HEADER = ArchiveHeader.of("7.0.14", "restore-drill");
    private static final Namespace USERS = new Namespace("LibreChat", "users");
    private static final Namespace MESSAGES = new Namespace("LibreChat", "messages");
    private static final Namespace EMPTY = new Namespace("LibreChat", "banners");
    private static final IndexSpec TENANT_EMAIL = IndexSpec.unique("tenant_1_email_1",
            BsonDocument.parse("{tenant: 1, email: 1}"));
    private static final IndexSpec EXPIRY = new IndexSpec("expiredAt_1", BsonDocument.parse("{expiredAt: 1}"),
            BsonDocument.parse("{expireAfterSeconds: 0}"));

    @Test
    void interleavedCollectionsRoundTripWithIndexesAndCrcs() throws IOException {
        List<BsonDocument> users = new ArrayList<>();
        List<BsonDocument> messages = new ArrayList<>();
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        try (MongoArchiveWriter writer = new MongoArchiveWriter(archive, HEADER)) {
            writer.addCollection(CollectionMetadata.collection(USERS, List.of(TENANT_EMAIL)));
            writer.addCollection(CollectionMetadata.collection(MESSAGES, List.of(EXPIRY)));
            writer.addCollection(CollectionMetadata.collection(EMPTY, List.of()));
            for (int i = 0; i < 6000; i++) {
                if (i % 3 == 0) {
                    BsonDocument user = new BsonDocument("_id", new BsonInt32(i))
                            .append("tenant", new BsonString("t" + i % 7)).append("email", new BsonString(i + "@x.org"));
                    users.add(user);
                    writer.writeDocument(USERS, user);
                } else {
                    BsonDocument message = new BsonDocument("_id", new BsonInt32(i))
                            .append("text", new BsonString("message " + i + " " + "x".repeat(i % 200)));
                    messages.add(message);
                    writer.writeDocument(MESSAGES, new RawBsonDocument(message, new org.bson.codecs.BsonDocumentCodec()));
                }
            }
        }

        Fixtures.Recorder seen = new Fixtures.Recorder();
        ArchiveSummary summary = Fixtures.read(archive.toByteArray(), seen);

        assertThat(summary.header()).isEqualTo(HEADER);
        assertThat(summary.documentCounts()).isEqualTo(Map.of(USERS, 2000L, MESSAGES, 4000L, EMPTY, 0L));
        assertThat(seen.ends).as("every namespace ended with a verified CRC").containsOnlyKeys(USERS, MESSAGES, EMPTY);
        assertThat(List.<BsonDocument>copyOf(seen.documents(USERS))).containsExactlyElementsOf(users);
        assertThat(List.<BsonDocument>copyOf(seen.documents(MESSAGES))).containsExactlyElementsOf(messages);
        assertThat(namespaceSwitches(seen.documentOrder)).as("blocks of the two collections interleave").isGreaterThan(2);

        CollectionMetadata usersMeta = seen.collection(USERS);
        assertThat(usersMeta.type()).isEqualTo("collection");
        assertThat(usersMeta.indexes()).containsExactly(TENANT_EMAIL);
        assertThat(usersMeta.indexes().get(0).isUnique()).isTrue();
        assertThat(seen.collection(MESSAGES).indexes()).containsExactly(EXPIRY);
        // mongorestore reads index specs whole: each must carry v, key and name beside its options.
        BsonDocument stored = BsonDocument.parse(usersMeta.rawMetadataJson()).getArray("indexes").get(0).asDocument();
        assertThat(stored).isEqualTo(BsonDocument.parse(
                "{v: 2, key: {tenant: 1, email: 1}, name: 'tenant_1_email_1', unique: true}"));
    }

    /** Documents of the real mongodump archives, written back out by our writer, read back the same. */
    @ParameterizedTest
    @ValueSource(strings = {Fixtures.TEST_BAR, Fixtures.DUMP_WITH_OPLOG, Fixtures.TIMESERIES})
    void goldenArchivesRewrittenReadTheSame(String name) throws IOException {
        Fixtures.Recorder original = new Fixtures.Recorder();
        ArchiveSummary golden = Fixtures.read(Fixtures.bytes(name), original);

        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try (MongoArchiveWriter writer = new MongoArchiveWriter(copy, golden.header())) {
            for (CollectionMetadata collection : golden.collections()) {
                writer.addCollection(collection);
            }
            Map<Namespace, Integer> next = new java.util.HashMap<>();
            for (Namespace ns : original.documentOrder) {
                int index = next.merge(ns, 1, Integer::sum) - 1;
                writer.writeDocument(ns, original.documents(ns).get(index));
            }
        }

        Fixtures.Recorder reread = new Fixtures.Recorder();
        ArchiveSummary rewritten = Fixtures.read(copy.toByteArray(), reread);
        assertThat(rewritten.header()).isEqualTo(golden.header());
        assertThat(rewritten.collections()).isEqualTo(golden.collections());
        assertThat(rewritten.documentCounts()).isEqualTo(golden.documentCounts());
        assertThat(reread.documents).isEqualTo(original.documents);
    }

    @Test
    void gzipWriterProducesAMongodumpGzipArchiveAndLeavesTheStreamOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream file = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        try (MongoArchiveWriter writer = MongoArchiveWriter.gzip(file, HEADER)) {
            writer.addCollection(CollectionMetadata.collection(USERS, List.of(TENANT_EMAIL)));
            for (int i = 0; i < 2500; i++) {
                writer.writeDocument(USERS, new BsonDocument("_id", new BsonInt32(i)));
            }
        }

        ArchiveSummary summary = MongoArchiveReader.readGzip(new ByteArrayInputStream(file.toByteArray()),
                new ArchiveVisitor() { });
        assertThat(summary.documents(USERS)).isEqualTo(2500);
        assertThat(closed[0]).as("the caller owns the output stream").isFalse();
    }

    @Test
    void collectionsMustBeAddedBeforeDocuments() throws IOException {
        try (MongoArchiveWriter writer = new MongoArchiveWriter(new ByteArrayOutputStream(), HEADER)) {
            writer.addCollection(CollectionMetadata.collection(USERS, List.of()));
            writer.writeDocument(USERS, new BsonDocument("_id", new BsonInt32(1)));
            assertThatThrownBy(() -> writer.addCollection(CollectionMetadata.collection(MESSAGES, List.of())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("before writing documents");
        }
    }

    @Test
    void documentsOfAnUndeclaredNamespaceAreRefused() throws IOException {
        try (MongoArchiveWriter writer = new MongoArchiveWriter(new ByteArrayOutputStream(), HEADER)) {
            writer.addCollection(CollectionMetadata.collection(USERS, List.of()));
            assertThatThrownBy(() -> writer.writeDocument(MESSAGES, new BsonDocument()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("LibreChat.messages was not declared");
        }
    }

    private static int namespaceSwitches(List<Namespace> order) {
        int switches = 0;
        for (int i = 1; i < order.size(); i++) {
            switches += order.get(i).equals(order.get(i - 1)) ? 0 : 1;
        }
        return switches;
    }
}
