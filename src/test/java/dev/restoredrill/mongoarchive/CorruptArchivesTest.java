package dev.restoredrill.mongoarchive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a backup file goes wrong gives its own clear error, never a hang or a silent success. */
class CorruptArchivesTest {

    @Test
    void emptyStream() {
        assertThatThrownBy(() -> Fixtures.read(new byte[0]))
                .isInstanceOf(MongoArchiveException.class)
                .hasMessageContaining("archive is empty (0 bytes)")
                .hasMessageContaining("6D E2 99 81");
    }

    @Test
    void wrongMagic() {
        assertThatThrownBy(() -> Fixtures.read("PK\u0003\u0004 a zip, not a dump".getBytes()))
                .isInstanceOf(MongoArchiveException.class)
                .hasMessageContaining("Not a mongodump archive")
                .hasMessageContaining("found 50 4B 03 04");
    }

    @Test
    void gzipFileGivenToThePlainReaderSaysToUseReadGzip() throws IOException {
        byte[] gz = Fixtures.gzip(Fixtures.bytes(Fixtures.TEST_BAR));
        assertThatThrownBy(() -> Fixtures.read(gz))
                .isInstanceOf(MongoArchiveException.class)
                .hasMessageContaining("gzip-compressed")
                .hasMessageContaining("readGzip");
    }

    @Test
    void plainFileGivenToTheGzipReaderSaysToUseRead() {
        byte[] plain = Fixtures.bytes(Fixtures.TEST_BAR);
        assertThatThrownBy(() -> MongoArchiveReader.readGzip(new ByteArrayInputStream(plain), new ArchiveVisitor() { }))
                .isInstanceOf(MongoArchiveException.class)
                .hasMessageContaining("Not a gzip stream")
                .hasMessageContaining("MongoArchiveReader.read");
    }

    @Test
    void emptyGzipStream() {
        assertThatThrownBy(() -> MongoArchiveReader.readGzip(new ByteArrayInputStream(new byte[0]), new ArchiveVisitor() { }))
                .isInstanceOf(MongoArchiveException.class)
                .hasMessageContaining("gzip archive is empty");
    }

    @Test
    void truncatedMidDocumentNamesTheNamespaceAndOffset() {
        byte[] archive = Fixtures.bytes(Fixtures.TEST_BAR);
        int barDocument = indexOf(archive, "foo\u0000".getBytes()) - 20; // inside test.bar's only document
        assertThatThrownBy(() -> Fixtures.read(Arrays.copyOf(archive, barDocument)))
                .isInstanceOf(MongoArchiveException.class)
                .hasMessageContaining("archive is truncated")
                .hasMessageContaining("a document (or the block terminator) of namespace test.bar")
                .hasMessageContaining("byte offset");
    }

    @Test
    void truncatedAtABlockBoundaryNamesTheUnfinishedNamespace() {
        byte[] archive = Fixtures.bytes(Fixtures.DUMP_WITH_OPLOG);
        // The archive ends with the oplog's EOF header and terminator; cut just before them.
        int eofBlock = NamespaceHeader.end(new Namespace("", "oplog"), 0L).toBytes().length + 4;
        int cut = archive.length - eofBlock;
        assertThatThrownBy(() -> Fixtures.read(Arrays.copyOf(archive, cut)))
                .isInstanceOf(MongoArchiveException.class)
                .hasMessageContaining("archive is truncated")
                .hasMessageContaining("ends at byte offset " + cut)
                .hasMessageContaining("[oplog] have no EOF header");
    }

    /** Cut a real archive at every length short of the whole: each cut must be reported as a truncation. */
    @ParameterizedTest
    @ValueSource(strings = {Fixtures.TEST_BAR, Fixtures.DUMP_WITH_OPLOG, Fixtures.TIMESERIES})
    void everyCutOfAGoldenArchiveIsReportedAsTruncated(String name) throws IOException {
        byte[] archive = Fixtures.bytes(name);
        assertThat(Fixtures.read(archive).bytesRead()).isEqualTo(archive.length);
        List<String> unreported = new ArrayList<>();
        for (int length = 1; length < archive.length; length++) {
            Throwable error = catchThrowable(readFirst(archive, length));
            if (!(error instanceof MongoArchiveException) || !error.getMessage().contains("truncated")) {
                unreported.add(length + " bytes -> " + (error == null ? "success" : error));
            }
        }
        assertThat(unreported).as("cuts of %s (%d bytes) not reported as truncated", name, archive.length).isEmpty();
    }

    @Test
    void truncatedGzipStreamIsReportedAsTruncated() throws IOException {
        byte[] gz = Fixtures.gzip(Fixtures.bytes(Fixtures.TIMESERIES));
        byte[] half = Arrays.copyOf(gz, gz.length / 2);
        assertThatThrownBy(() -> MongoArchiveReader.readGzip(new ByteArrayInputStream(half), new ArchiveVisitor() { }))
                .isInstanceOf(MongoArchiveException.class)
                .hasMessageContaining("archive is truncated")
                .hasMessageContaining("gzip stream ends");
    }

    @Test
    void flippedByteInsideADocumentIsACrcMismatchNamingTheNamespace() throws IOException {
        byte[] archive = Fixtures.bytes(Fixtures.DUMP_WITH_OPLOG);
        Fixtures.Recorder seen = new Fixtures.Recorder();
        Fixtures.read(archive, seen);
        RawBsonDocument tenth = seen.documents(new Namespace("test", "foo")).get(9);
        byte[] tenthBytes = new byte[tenth.getByteBuffer().remaining()];
        tenth.getByteBuffer().get(tenthBytes);
        int at = indexOf(archive, tenthBytes) + tenthBytes.length - 3; // a byte of its "a" value
        archive[at] ^= 0x40;

        assertThatThrownBy(() -> Fixtures.read(archive))
                .isInstanceOf(MongoArchiveException.class)
                .hasMessageContaining("CRC mismatch for namespace test.foo")
                .hasMessageContaining("the archive records 0x")
                .hasMessageContaining("its 25 documents compute to 0x");
    }

    @Test
    void oversizedLengthIsRejectedWithoutAllocating() {
        byte[] archive = Fixtures.bytes(Fixtures.TEST_BAR);
        int firstBlock = indexOf(archive, new byte[] {-1, -1, -1, -1}) + 4;
        byte[] corrupt = archive.clone();
        corrupt[firstBlock] = 0;
        corrupt[firstBlock + 1] = 0;
        corrupt[firstBlock + 2] = 0;
        corrupt[firstBlock + 3] = 0x70; // 1.8 GB
        assertThatThrownBy(() -> Fixtures.read(corrupt))
                .isInstanceOf(MongoArchiveException.class)
                .hasMessageContaining("Corrupt archive at byte offset " + firstBlock)
                .hasMessageContaining("found length 1879048192")
                .hasMessageContaining("neither a BSON document");
    }

    @Test
    void trailingGarbageAfterTheLastNamespaceIsRejected() {
        byte[] archive = Fixtures.bytes(Fixtures.TEST_BAR);
        byte[] longer = Arrays.copyOf(archive, archive.length + 4);
        Arrays.fill(longer, archive.length, longer.length, (byte) -1);
        assertThatThrownBy(() -> Fixtures.read(longer))
                .isInstanceOf(MongoArchiveException.class)
                .hasMessageContaining("two terminators in a row");
    }

    private static org.assertj.core.api.ThrowableAssert.ThrowingCallable readFirst(byte[] archive, int length) {
        return () -> MongoArchiveReader.read(new ByteArrayInputStream(archive, 0, length), new ArchiveVisitor() { });
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("pattern not found in archive");
    }
}
