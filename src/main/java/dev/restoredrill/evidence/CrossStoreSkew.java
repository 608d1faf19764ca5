package dev.restoredrill.evidence;

import dev.restoredrill.outcome.Failure;
import dev.restoredrill.outcome.FailureCategory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How far apart the stores' backups of one drill are. The runbook's backup jobs run one after another, so the
 * four backups of a night are taken at different times and a record written in between is in one store and not
 * in the other. Two measures: the backup files' times (when each backup was taken, by the manifest's
 * backup-instant rule) and the newest record each restored store holds, where the drill measures one (the
 * scenario's "newest within" checks: the newest spend log, message, trace...). The scenario's
 * {@code backups.max_skew} is the most it accepts of either.
 *
 * @param stores     each store's times, in scenario order
 * @param fileSkew   newest minus oldest file time, null when fewer than two stores have one
 * @param recordSkew newest minus oldest newest-record, null when fewer than two stores have one
 * @param limit      the scenario's {@code max_skew}, null when it sets none
 * @param verdict    {@value #WITHIN}, {@value #OVER}, {@value #NO_LIMIT} or {@value #NOT_MEASURED}
 */
public record CrossStoreSkew(List<StoreTimes> stores, Duration fileSkew, Duration recordSkew, Duration limit,
        String verdict) {

    public static final String WITHIN = "WITHIN";
    public static final String OVER = "OVER";
    public static final String NO_LIMIT = "NO LIMIT";
    public static final String NOT_MEASURED = "NOT MEASURED";

    /**
     * One store's times.
     *
     * @param fileName       the backup the drill restored, null when none was chosen
     * @param fileTime       when it was taken (its mtime, or 00:00 UTC of its named date: {@code fileTimeBasis})
     * @param newestRecord   the newest record the restored store holds, null when the drill measures none
     * @param newestRecordBy what measured it (the check's name), null with {@code newestRecord}
     */
    public record StoreTimes(String store, String fileName, Instant fileTime, String fileTimeBasis,
            Instant newestRecord, String newestRecordBy) {}

    public CrossStoreSkew {
        stores = stores == null ? List.of() : List.copyOf(stores);
    }

    /** Both skews of the stores' times, judged against {@code limit} (a skew equal to it is within). */
    public static CrossStoreSkew judge(List<StoreTimes> stores, Duration limit) {
        Duration files = spread(stores, StoreTimes::fileTime);
        Duration records = spread(stores, StoreTimes::newestRecord);
        String verdict = files == null && records == null ? NOT_MEASURED
                : limit == null ? NO_LIMIT
                : over(files, limit) || over(records, limit) ? OVER : WITHIN;
        return new CrossStoreSkew(stores, files, records, limit, verdict);
    }

    public boolean over() {
        return OVER.equals(verdict);
    }

    /** "Backup skew: the backups are 3 h 10 min apart by file time (postgres … clickhouse …), max_skew 2 h …". */
    public Optional<Failure> failure() {
        if (!over()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (over(fileSkew, limit)) {
            parts.add(HumanDuration.of(fileSkew) + " apart by file time (" + extremes(StoreTimes::fileTime) + ")");
        }
        if (over(recordSkew, limit)) {
            parts.add(HumanDuration.of(recordSkew) + " apart by their newest records ("
                    + extremes(StoreTimes::newestRecord) + ")");
        }
        return Optional.of(FailureCategory.BACKUP_SKEW.failure("the stores' backups are " + String.join(" and ", parts)
                + ", more than the scenario's max_skew of " + HumanDuration.of(limit) + ": a restore of this set"
                + " holds records in one store that another does not know. Run the backup jobs closer together"
                + " (or at one moment), or raise backups.max_skew if the platform tolerates it."));
    }

    private String extremes(Function<StoreTimes, Instant> time) {
        List<StoreTimes> known = stores.stream().filter(s -> time.apply(s) != null)
                .sorted(Comparator.comparing(time)).toList();
        StoreTimes oldest = known.get(0);
        StoreTimes newest = known.get(known.size() - 1);
        return "oldest " + oldest.store() + " " + time.apply(oldest) + ", newest " + newest.store() + " "
                + time.apply(newest);
    }

    private static boolean over(Duration skew, Duration limit) {
        return skew != null && skew.compareTo(limit) > 0;
    }

    private static Duration spread(List<StoreTimes> stores, Function<StoreTimes, Instant> time) {
        List<Instant> known = stores.stream().map(time).filter(Objects::nonNull).sorted().toList();
        return known.size() < 2 ? null : Duration.between(known.get(0), known.get(known.size() - 1));
    }
}
