package dev.restoredrill.generate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * When things happen. Items of a growing stream (conversations, spend logs, traces, media) arrive
 * at a steady rate over the {@value #HISTORY_DAYS} days before the newest backup; item i always
 * comes after item i-1, so "what existed at instant t" is a prefix of the stream. Base data
 * (accounts, keys, projects) predates the window. Backups are taken nightly at 02:00 UTC.
 */
public final class Timeline {
    public static final int HISTORY_DAYS = 60;
    public static final LocalTime BACKUP_TIME = LocalTime.of(2, 0);

    private final long seed;
    private final Instant start;
    private final long spanMillis;

    public Timeline(DatasetSpec spec) {
        this.seed = spec.seed();
        Instant end = backupInstant(spec.asOf());
        this.start = end.minus(Duration.ofDays(HISTORY_DAYS));
        // Leave a minute before the newest backup, so even the newest item is in it.
        this.spanMillis = Duration.between(start, end).minusMinutes(1).toMillis();
    }

    /** The instant the backups of {@code day} are taken, and so the cutoff of what they hold. */
    public static Instant backupInstant(LocalDate day) {
        return day.atTime(BACKUP_TIME).toInstant(ZoneOffset.UTC);
    }

    Instant windowStart() {
        return start;
    }

    /** The instant item {@code index} of a stream of {@code count} items arrives. */
    Instant at(Seeds.Stream stream, long index, long count) {
        double jitter = Seeds.random(seed ^ stream.ordinal(), Seeds.Stream.TIMELINE, index).nextDouble();
        return start.plusMillis((long) ((index + jitter) * spanMillis / count));
    }

    /** How many of a stream's {@code count} items arrived strictly before {@code cutoff}. */
    long countBefore(Seeds.Stream stream, long count, Instant cutoff) {
        long lo = 0;
        long hi = count;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (at(stream, mid, count).isBefore(cutoff)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** A moment some days to a year before the window: when base data was created. */
    Instant beforeWindow(java.util.SplittableRandom r) {
        return start.minusSeconds(r.nextLong(3_600, 365L * 86_400));
    }
}
