package dev.restoredrill.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a mongodump archive holds, as {@code dev.restoredrill.mongoarchive} reads it.
 *
 * @param collections every namespace with metadata or documents, sorted by db then collection
 * @param archiveBytes bytes of the (decompressed) archive
 */
public record MongoArchiveFacts(String serverVersion, String toolVersion, String formatVersion,
        List<Collection> collections, long totalDocuments, long archiveBytes, List<String> defects,
        List<String> warnings) implements FormatFacts {

    /**
     * @param type      collection type from its metadata (e.g. collection, timeseries), null when none was dumped
     * @param indexes   index names from its metadata
     * @param documents documents in the archive
     * @param ttl       when the collection has TTL indexes: when its documents expire; null otherwise
     */
    public record Collection(String db, String collection, String type, List<String> indexes, long documents,
                             Ttl ttl) {

        /** A collection without TTL indexes. */
        public Collection(String db, String collection, String type, List<String> indexes, long documents) {
            this(db, collection, type, indexes, documents, null);
        }
    }

    /**
     * When the documents of a collection with TTL indexes expire, so that a check after the restore knows how many a
     * real mongod may already have deleted (its TTL monitor runs every 60 s). A document expires at the earliest
     * date in an index's field plus that index's {@code expireAfterSeconds}; one without a date never does.
     * Constant size whatever the collection's: three counters and at most {@value #MINUTES} per-minute counts.
     *
     * @param indexes          the TTL indexes, e.g. "expiration_1 on expiration, expireAfterSeconds 0"
     * @param scannedAt        when the catalog read the archive: the origin of the minutes below
     * @param expiredAtScan    documents already expired at {@code scannedAt}
     * @param expiringMinutes  documents expiring within {@value #MINUTES} minutes after {@code scannedAt}, per minute
     *                         (minute m covers {@code (scannedAt + m min, scannedAt + m+1 min]}); empty minutes left out
     * @param expiringLater    documents expiring after that
     */
    public record Ttl(List<String> indexes, Instant scannedAt, long expiredAtScan, List<MinuteCount> expiringMinutes,
                      long expiringLater) {

        /** The span after the scan that is counted per minute: a drill checks well within a day of its scan. */
        public static final int MINUTES = 24 * 60;

        public Ttl {
            indexes = List.copyOf(indexes);
            expiringMinutes = List.copyOf(expiringMinutes);
        }

        /**
         * At most how many documents have expired by {@code instant}: exact to the minute, counting the whole minute
         * {@code instant} falls in. After the counted day every document with a date counts, as its expiry is only
         * known to be later than that; before the scan, those expired at the scan count.
         */
        public long expiredBy(Instant instant) {
            long expired = expiredAtScan;
            for (MinuteCount minute : expiringMinutes) {
                if (scannedAt.plus(Duration.ofMinutes(minute.minute())).isBefore(instant)) {
                    expired += minute.documents();
                }
            }
            if (instant.isAfter(scannedAt.plus(Duration.ofMinutes(MINUTES)))) {
                expired += expiringLater;
            }
            return expired;
        }
    }

    /** {@code documents} expiring in minute {@code minute} after the scan. */
    public record MinuteCount(int minute, long documents) {
    }

    @Override
    public String summary() {
        return collections.size() + " colls, " + Sizes.compactCount(totalDocuments) + " docs";
    }
}
