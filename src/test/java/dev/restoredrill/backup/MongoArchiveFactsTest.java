package dev.restoredrill.backup;

import dev.restoredrill.store.StoreType;

import dev.restoredrill.outcome.Verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mongodb store through dev.restoredrill.mongoarchive, on archives written by the real mongodump.
 * Needs the real mongoarchive package: on the catalog branch alone (placeholder reader) these fail.
 */
class MongoArchiveFactsTest {
    static final Clock DRILL = Fixtures.clockAt("2026-05-25T20:00:00Z");
    static final StoreBackupSpec MONGODB = StoreType.MONGODB.backupSpec();
    static final String FILE = "mongo_2026-05-25.gz";

    @TempDir
    Path backups;

    private static byte[] golden(String name) throws IOException {
        try (InputStream in = MongoArchiveFactsTest.class.getResourceAsStream("/dev/restoredrill/mongoarchive/" + name)) {
            return in.readAllBytes();
        }
    }

    private StoreResult scan(byte[] archive) {
        Fixtures.touch(Fixtures.gzip(backups.resolve(FILE), archive), "2026-05-25T02:00:00Z");
        return BackupCatalog.scan(backups, List.of(MONGODB), DRILL, ScanProgress.silent()).stores().get(0);
    }

    @Test
    void archiveFactsListNamespacesAndDocumentCounts() throws Exception {
        StoreResult result = scan(golden("test.bar.archive"));

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        MongoArchiveFacts facts = (MongoArchiveFacts) result.facts();
        assertThat(facts.serverVersion()).isEqualTo("3.4.3");
        assertThat(facts.collections()).extracting(MongoArchiveFacts.Collection::db,
                        MongoArchiveFacts.Collection::collection, MongoArchiveFacts.Collection::documents)
                .containsExactly(tuple("admin", "system.version", 1L), tuple("test", "bar", 1L));
        assertThat(facts.totalDocuments()).isEqualTo(2);
        assertThat(facts.archiveBytes()).isEqualTo(896);
        assertThat(result.chosen().uncompressedBytes()).isEqualTo(896);
    }

    @Test
    void oplogDumpCountsEveryNamespace() throws Exception {
        MongoArchiveFacts facts = (MongoArchiveFacts) scan(golden("dump-w-oplog.archive")).facts();

        assertThat(facts.serverVersion()).isEqualTo("4.0.2");
        assertThat(facts.collections()).extracting(c -> c.db() + "." + c.collection(),
                MongoArchiveFacts.Collection::documents).contains(tuple("test.foo", 25L));
    }

    @Test
    void documentBytesChangedFailTheCrcCheck() throws Exception {
        byte[] archive = golden("test.bar.archive");
        archive[0x291] = '4'; // admin.system.version's "3.4" becomes "4.4": the namespace's CRC-64 no longer matches

        StoreResult result = scan(archive);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.failures()).singleElement().asString()
                .startsWith(FILE + ": the mongodump archive is damaged: ");
    }

    @Test
    void truncatedGzipIsReportedAsSuchNotAsABrokenArchive() throws Exception {
        Path whole = Fixtures.gzip(backups.resolve("whole.tmp"), golden("dump-w-oplog.archive"));
        byte[] gz = Files.readAllBytes(whole);
        Files.delete(whole);
        Files.write(backups.resolve(FILE), Arrays.copyOf(gz, gz.length / 2));

        StoreResult result = BackupCatalog.scan(backups, List.of(MONGODB), DRILL, ScanProgress.silent())
                .stores().get(0);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.failures()).singleElement().asString()
                .startsWith(FILE + ": truncated: the gzip stream ends abruptly");
    }
}
