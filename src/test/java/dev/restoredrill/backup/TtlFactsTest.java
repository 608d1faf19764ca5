package dev.restoredrill.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restoredrill.mongoarchive.ArchiveHeader;
import dev.restoredrill.mongoarchive.CollectionMetadata;
import dev.restoredrill.mongoarchive.IndexSpec;
import dev.restoredrill.mongoarchive.MongoArchiveWriter;
import dev.restoredrill.mongoarchive.Namespace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

/**
 * TTL indexes as the catalog reads them from the archive's metadata, with LibreChat's own (packages/data-schemas
 * src/schema/session.ts: {@code expiration: {expires: 0}}; convo.ts and message.ts:
 * {@code index({expiredAt: 1}, {expireAfterSeconds: 0})}; file.ts: {@code expiresAt: {expires: 3600}}): how many
 * documents a real mongod may have deleted by a given instant.
 */
class TtlFactsTest {

    private static final Instant SCAN = Instant.parse("2026-11-24T06:00:00Z");
    private static final Namespace SESSIONS = new Namespace("LibreChat", "sessions");
    private static final Namespace FILES = new Namespace("LibreChat", "files");
    private static final Namespace USERS = new Namespace("LibreChat", "users");

    private static BsonDocument ttlIndex(String field, long seconds) {
        return new BsonDocument("expireAfterSeconds", new BsonInt64(seconds));
    }

    private static BsonDocument withDate(String field, Instant at) {
        return new BsonDocument(field, new BsonDateTime(at.toEpochMilli()));
    }

    private static Map<String, MongoArchiveFacts.Collection> scan(byte[] archive) throws IOException {
        MongoArchiveFacts facts = (MongoArchiveFacts) new MongoArchiveFactsReader(Clock.fixed(SCAN, ZoneOffset.UTC))
                .read(new ByteArrayInputStream(archive));
        return facts.collections().stream()
                .collect(Collectors.toMap(MongoArchiveFacts.Collection::collection, Function.identity()));
    }

    private static byte[] archive() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MongoArchiveWriter writer = new MongoArchiveWriter(bytes, ArchiveHeader.of("8.0.12", "test"))) {
            writer.addCollection(CollectionMetadata.collection(SESSIONS, List.of(
                    IndexSpec.of("_id_", new BsonDocument("_id", new BsonInt32(1))),
                    new IndexSpec("expiration_1", new BsonDocument("expiration", new BsonInt32(1)),
                            ttlIndex("expiration", 0)),
                    // mongod ignores expireAfterSeconds on a compound index: no TTL.
                    new IndexSpec("user_1_expiration_1", new BsonDocument("user", new BsonInt32(1))
                            .append("expiration", new BsonInt32(1)), ttlIndex("expiration", 1)))));
            writer.addCollection(CollectionMetadata.collection(FILES, List.of(
                    new IndexSpec("expiresAt_1", new BsonDocument("expiresAt", new BsonInt32(1)),
                            ttlIndex("expiresAt", 3600)))));
            writer.addCollection(CollectionMetadata.collection(USERS, List.of(
                    IndexSpec.unique("email_1", new BsonDocument("email", new BsonInt32(1))))));

            writer.writeDocument(SESSIONS, withDate("expiration", SCAN.minus(Duration.ofDays(2))));   // expired
            writer.writeDocument(SESSIONS, withDate("expiration", SCAN));                             // expired
            writer.writeDocument(SESSIONS, withDate("expiration", SCAN.plusSeconds(30)));             // minute 0
            writer.writeDocument(SESSIONS, withDate("expiration", SCAN.plus(Duration.ofMinutes(90)))); // minute 89
            writer.writeDocument(SESSIONS, withDate("expiration", SCAN.plus(Duration.ofDays(7))));   // later
            writer.writeDocument(SESSIONS, new BsonDocument("expiration", new BsonString("tomorrow"))); // never
            writer.writeDocument(SESSIONS, new BsonDocument("user", new BsonString("u1")));            // never
            // An array of dates: the earliest counts.
            writer.writeDocument(SESSIONS, new BsonDocument("expiration", new BsonArray(List.of(
                    new BsonDateTime(SCAN.plus(Duration.ofDays(3)).toEpochMilli()),
                    new BsonDateTime(SCAN.minusSeconds(5).toEpochMilli())))));                      // expired
            // files: the date plus 3600 s.
            writer.writeDocument(FILES, withDate("expiresAt", SCAN.minus(Duration.ofMinutes(30)))); // minute 29
            writer.writeDocument(FILES, withDate("expiresAt", SCAN.minus(Duration.ofHours(2))));    // expired
            writer.writeDocument(USERS, new BsonDocument("email", new BsonString("a@example.org")));
        }
        return bytes.toByteArray();
    }

    @Test
    void ttlIndexesFromTheMetadataTallyWhenEachDocumentExpires() throws IOException {
        Map<String, MongoArchiveFacts.Collection> collections = scan(archive());

        MongoArchiveFacts.Ttl sessions = collections.get("sessions").ttl();
        assertThat(collections.get("sessions").documents()).isEqualTo(8);
        assertThat(sessions.indexes()).containsExactly("expiration_1 on expiration, expireAfterSeconds 0");
        assertThat(sessions.scannedAt()).isEqualTo(SCAN);
        assertThat(sessions.expiredAtScan()).isEqualTo(3);
        assertThat(sessions.expiringMinutes()).containsExactly(new MongoArchiveFacts.MinuteCount(0, 1),
                new MongoArchiveFacts.MinuteCount(89, 1));
        assertThat(sessions.expiringLater()).isEqualTo(1);

        MongoArchiveFacts.Ttl files = collections.get("files").ttl();
        assertThat(files.indexes()).containsExactly("expiresAt_1 on expiresAt, expireAfterSeconds 3600");
        assertThat(files.expiredAtScan()).isEqualTo(1);
        assertThat(files.expiringMinutes()).containsExactly(new MongoArchiveFacts.MinuteCount(29, 1));

        assertThat(collections.get("users").ttl()).as("no TTL index").isNull();
    }

    @Test
    void expiredByCountsToTheMinuteAndEverythingDatedAfterTheCountedDay() throws IOException {
        MongoArchiveFacts.Ttl sessions = scan(archive()).get("sessions").ttl();

        assertThat(sessions.expiredBy(SCAN.minusSeconds(60))).as("before the scan: what had expired at it")
                .isEqualTo(3);
        assertThat(sessions.expiredBy(SCAN.plusSeconds(1))).as("the whole first minute counts").isEqualTo(4);
        assertThat(sessions.expiredBy(SCAN.plus(Duration.ofMinutes(89)))).isEqualTo(4);
        assertThat(sessions.expiredBy(SCAN.plus(Duration.ofMinutes(89)).plusMillis(1))).isEqualTo(5);
        assertThat(sessions.expiredBy(SCAN.plus(Duration.ofHours(24)))).isEqualTo(5);
        assertThat(sessions.expiredBy(SCAN.plus(Duration.ofHours(25))))
                .as("past the counted day, every dated document may have expired").isEqualTo(6);
    }

    @Test
    void theTtlFactsAreInTheManifestAndSurviveItsJson(@TempDir Path backups) throws IOException {
        Fixtures.touch(Fixtures.gzip(backups.resolve(MongoArchiveFactsTest.FILE), archive()), "2026-05-25T02:00:00Z");
        BackupManifest manifest = BackupCatalog.scan(backups, List.of(MongoArchiveFactsTest.MONGODB),
                MongoArchiveFactsTest.DRILL, ScanProgress.silent());

        String json = ManifestJson.write(manifest);

        // The catalog scans on the wall clock: which documents had expired depends on today's date.
        assertThat(json).contains("\"indexes\" : [ \"expiration_1 on expiration, expireAfterSeconds 0\" ]",
                "\"expired_at_scan\" : ", "\"expiring_minutes\" : [", "\"ttl\" : null");
        assertThat(ManifestJson.read(json)).isEqualTo(manifest);
    }
}
