package dev.restoredrill.mongoarchive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Archives written by the real mongodump (3.4.3, 4.0.2 with --oplog, 5.0.0-rc0 with a time-series collection). */
class GoldenArchivesTest {

    private static final Namespace SYSTEM_VERSION = new Namespace("admin", "system.version");

    @Test
    void mongodump343ArchiveHoldsTestBarAndSystemVersion() throws IOException {
        Fixtures.Recorder seen = new Fixtures.Recorder();
        ArchiveSummary summary = Fixtures.read(Fixtures.bytes(Fixtures.TEST_BAR), seen);

        assertThat(summary.header()).isEqualTo(new ArchiveHeader("3.4.3", "r3.4.3", "0.1", 4));
        Namespace bar = new Namespace("test", "bar");
        assertThat(summary.documentCounts()).containsExactly(
                entry(SYSTEM_VERSION, 1L), entry(bar, 1L));
        assertThat(summary.bytesRead()).isEqualTo(896);
        assertThat(seen.documents(bar)).singleElement()
                .satisfies(doc -> assertThat(doc.getString("foo").getValue()).isEqualTo("bar"));
        assertThat(seen.documents(SYSTEM_VERSION)).singleElement()
                .satisfies(doc -> assertThat(doc.getString("_id").getValue()).isEqualTo("featureCompatibilityVersion"));
        assertThat(seen.ends).containsEntry(bar, 1L).containsEntry(SYSTEM_VERSION, 1L);

        CollectionMetadata versionMeta = seen.collection(SYSTEM_VERSION);
        assertThat(versionMeta.type()).isEqualTo("collection");
        assertThat(versionMeta.indexes()).extracting(IndexSpec::name)
                .containsExactly("_id_", "incompatible_with_version_32");
        assertThat(versionMeta.indexes().get(1).key()).isEqualTo(BsonDocument.parse("{version: 1}"));
        assertThat(versionMeta.indexes().get(1).options()).as("v, key, name and ns are not options").isEmpty();
        assertThat(summary.collections()).isEqualTo(seen.collections);
    }

    /**
     * {@code mongodump --oplog} adds the oplog as its own namespace with an empty database name
     * ({db: "", collection: "oplog"}), empty metadata in the prelude, and ordinary blocks and EOF
     * header after the collections. The reader treats it like any namespace (counted, CRC-checked)
     * and reports it as {@code Namespace("", "oplog")} with type "oplog", so a restore can replay
     * it instead of inserting it as a collection.
     */
    @Test
    void mongodump402ArchiveWithOplog() throws IOException {
        Fixtures.Recorder seen = new Fixtures.Recorder();
        ArchiveSummary summary = Fixtures.read(Fixtures.bytes(Fixtures.DUMP_WITH_OPLOG), seen);

        assertThat(summary.header().serverVersion()).isEqualTo("4.0.2");
        Namespace foo = new Namespace("test", "foo");
        Namespace oplog = new Namespace("", "oplog");
        assertThat(summary.documents(foo)).isEqualTo(25);
        assertThat(summary.documents(SYSTEM_VERSION)).isEqualTo(1);
        assertThat(summary.documents(oplog)).isEqualTo(18);
        assertThat(summary.documentCounts()).hasSize(3);

        CollectionMetadata oplogMeta = seen.collection(oplog);
        assertThat(oplog.isOplog()).isTrue();
        assertThat(oplog).hasToString("oplog");
        assertThat(oplogMeta.type()).isEqualTo("oplog");
        assertThat(oplogMeta.indexes()).isEmpty();
        assertThat(seen.documents(oplog)).allSatisfy(entry -> {
            assertThat(entry.containsKey("ts")).isTrue();
            assertThat(entry.containsKey("op")).isTrue();
        });
        assertThat(seen.collection(foo).indexes()).extracting(IndexSpec::name).containsExactly("_id_");
    }

    /**
     * A time-series collection is declared in the prelude under its own name (type "timeseries") but
     * its data travels in system.buckets.&lt;name&gt;; admin.system.views is declared and ends empty.
     */
    @Test
    void mongodump500ArchiveWithTimeSeriesAndAnEmptyNamespace() throws IOException {
        Fixtures.Recorder seen = new Fixtures.Recorder();
        ArchiveSummary summary = Fixtures.read(Fixtures.bytes(Fixtures.TIMESERIES), seen);

        assertThat(summary.header().serverVersion()).isEqualTo("5.0.0-rc0");
        Namespace buckets = new Namespace("timeseries_test", "system.buckets.foo_ts");
        Namespace views = new Namespace("admin", "system.views");
        assertThat(summary.documents(buckets)).isEqualTo(10);
        assertThat(summary.documentCounts()).containsEntry(views, 0L).containsEntry(SYSTEM_VERSION, 1L).hasSize(3);
        assertThat(seen.ends).containsEntry(views, 0L);

        CollectionMetadata fooTs = seen.collection(new Namespace("timeseries_test", "foo_ts"));
        assertThat(fooTs.type()).isEqualTo("timeseries");
        assertThat(fooTs.dataNamespace(summary.header().serverVersion())).isEqualTo(buckets);
        assertThat(fooTs.options().getDocument("timeseries").getString("timeField").getValue()).isEqualTo("ts");
        assertThat(fooTs.indexes()).extracting(IndexSpec::name).containsExactly("meta.device_1", "ts_1_meta.device_1");
        assertThat(fooTs.indexes().get(1).key()).isEqualTo(BsonDocument.parse("{ts: 1, 'meta.device': 1}"));
        assertThat(seen.documents(buckets)).allSatisfy(bucket -> assertThat(bucket.containsKey("control")).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.TEST_BAR, Fixtures.DUMP_WITH_OPLOG, Fixtures.TIMESERIES})
    void gzipWrappedCopyReadsIdentically(String name) throws IOException {
        byte[] plain = Fixtures.bytes(name);
        Fixtures.Recorder plainSeen = new Fixtures.Recorder();
        Fixtures.Recorder gzipSeen = new Fixtures.Recorder();

        ArchiveSummary fromPlain = Fixtures.read(plain, plainSeen);
        ArchiveSummary fromGzip = MongoArchiveReader.readGzip(new ByteArrayInputStream(Fixtures.gzip(plain)), gzipSeen);

        assertThat(fromGzip).isEqualTo(fromPlain);
        assertThat(gzipSeen.documents).isEqualTo(plainSeen.documents);
    }

    /** Upstream's own test demands an error for this archive, not a hang. */
    @Test
    void invalidMetadataJsonIsRejectedNamingTheCollection() {
        assertThatThrownBy(() -> Fixtures.read(Fixtures.bytes(Fixtures.BAD_FORMAT)))
                .isInstanceOf(MongoArchiveException.class)
                .hasMessageContaining("metadata of collection test.ixtest")
                .hasMessageContaining("not valid extended JSON")
                .hasMessageContaining("take it again");
    }

    @Test
    void documentsAreHandedOverInArchiveOrder() throws IOException {
        Fixtures.Recorder seen = new Fixtures.Recorder();
        Fixtures.read(Fixtures.bytes(Fixtures.DUMP_WITH_OPLOG), seen);
        // The test inserted {a: 1} ... {a: 25}; mongodump wrote them in that (natural) order.
        assertThat(seen.documents(new Namespace("test", "foo")))
                .extracting(doc -> doc.getInt32("a").getValue())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 25).boxed().toList());
    }
}
