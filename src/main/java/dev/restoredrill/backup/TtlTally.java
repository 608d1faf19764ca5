package dev.restoredrill.backup;

import dev.restoredrill.mongoarchive.CollectionMetadata;
import dev.restoredrill.mongoarchive.IndexSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Counts, while the archive streams past, when the documents of one collection with TTL indexes expire, relative to
 * the scan: already expired, per minute of the day after, or later. Memory: {@value MongoArchiveFacts.Ttl#MINUTES}
 * counters per collection, whatever its size.
 *
 * <p>Expiry follows mongod's TTL monitor (server docs, "TTL Indexes"): the field must hold a date or an array of
 * dates (the earliest counts); anything else, or no field, never expires; with several TTL indexes the first to
 * pass deletes the document. A {@code partialFilterExpression} is not evaluated: its documents are counted as
 * expiring, which can only widen the range a check accepts, never report a loss that is none.
 */
final class TtlTally {

    private static final long NEVER = Long.MAX_VALUE;
    private static final long MINUTE_MILLIS = 60_000;

    private final List<Rule> rules;
    private final List<String> described;
    private final long scanMillis;
    private final Instant scannedAt;
    private final long[] perMinute = new long[MongoArchiveFacts.Ttl.MINUTES];
    private long expired;
    private long later;

    private record Rule(String[] path, long expireAfterMillis) {
    }

    private TtlTally(List<Rule> rules, List<String> described, Instant scannedAt) {
        this.rules = rules;
        this.described = described;
        this.scannedAt = scannedAt;
        this.scanMillis = scannedAt.toEpochMilli();
    }

    /** A tally for {@code collection} if it has TTL indexes. */
    static Optional<TtlTally> of(CollectionMetadata collection, Instant scannedAt) {
        List<Rule> rules = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (IndexSpec index : collection.indexes()) {
            index.expireAfterSeconds().ifPresent(seconds -> {
                rules.add(new Rule(index.ttlField().split("\\."), seconds * 1000));
                boolean partial = index.options().containsKey("partialFilterExpression");
                described.add(index.name() + " on " + index.ttlField() + ", expireAfterSeconds " + seconds
                        + (partial ? " (partial: every document with a date counted)" : ""));
            });
        }
        return rules.isEmpty() ? Optional.empty() : Optional.of(new TtlTally(rules, described, scannedAt));
    }

    void add(BsonDocument document) {
        long expiry = NEVER;
        for (Rule rule : rules) {
            long date = earliestDate(document, rule.path(), 0);
            if (date != NEVER) {
                expiry = Math.min(expiry, saturatedAdd(date, rule.expireAfterMillis()));
            }
        }
        if (expiry == NEVER) {
            return;
        }
        if (expiry <= scanMillis) {
            expired++;
            return;
        }
        long minute = (expiry - scanMillis - 1) / MINUTE_MILLIS;
        if (minute < perMinute.length) {
            perMinute[(int) minute]++;
        } else {
            later++;
        }
    }

    MongoArchiveFacts.Ttl facts() {
        List<MongoArchiveFacts.MinuteCount> minutes = new ArrayList<>();
        for (int m = 0; m < perMinute.length; m++) {
            if (perMinute[m] > 0) {
                minutes.add(new MongoArchiveFacts.MinuteCount(m, perMinute[m]));
            }
        }
        return new MongoArchiveFacts.Ttl(described, scannedAt, expired, minutes, later);
    }

    /** The earliest date at {@code path}, through sub-documents and arrays as a multikey index reads it. */
    private static long earliestDate(BsonValue value, String[] path, int depth) {
        if (value == null) {
            return NEVER;
        }
        if (value.isArray()) {
            long earliest = NEVER;
            for (BsonValue element : value.asArray()) {
                earliest = Math.min(earliest, depth == path.length ? dateOf(element) : earliestDate(element, path, depth));
            }
            return earliest;
        }
        if (depth == path.length) {
            return dateOf(value);
        }
        return value.isDocument() ? earliestDate(value.asDocument().get(path[depth]), path, depth + 1) : NEVER;
    }

    private static long dateOf(BsonValue value) {
        return value.isDateTime() ? value.asDateTime().getValue() : NEVER;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? NEVER : sum;
    }
}
