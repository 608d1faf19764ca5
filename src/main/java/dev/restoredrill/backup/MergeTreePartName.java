package dev.restoredrill.backup;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MergeTree part's folder name, {@code <partition>_<min block>_<max block>_<level>[_<mutation>]}, as ClickHouse
 * parses it (src/Storages/MergeTree/MergeTreePartInfo.cpp, {@code tryParsePartName}, custom-partitioning format).
 * A merge writes a part covering the block range of the parts it replaced; those stay on disk as outdated parts
 * for {@code old_parts_lifetime}, so a cold snapshot can hold both.
 */
record MergeTreePartName(String partition, long minBlock, long maxBlock, long level, long mutation) {
    private static final Pattern NAME =
            Pattern.compile("([^_]+)_(-?\\d{1,18})_(-?\\d{1,18})_(\\d{1,10})(?:_(\\d{1,10}))?");
    /** ClickHouse's MAX_LEVEL and the legacy one (MergeTreePartInfo.h): such a part contains any level. */
    private static final long MAX_LEVEL = 999_999_999L;
    private static final long LEGACY_MAX_LEVEL = 4_294_967_295L;

    /** Newest-covering first within a partition: by min block, then widest range, then highest level/mutation. */
    static final Comparator<MergeTreePartName> COVERING_ORDER = Comparator.comparing(MergeTreePartName::partition)
            .thenComparingLong(MergeTreePartName::minBlock)
            .thenComparing(Comparator.comparingLong(MergeTreePartName::maxBlock).reversed())
            .thenComparing(Comparator.comparingLong(MergeTreePartName::level).reversed())
            .thenComparing(Comparator.comparingLong(MergeTreePartName::mutation).reversed());

    static Optional<MergeTreePartName> parse(String folder) {
        Matcher m = NAME.matcher(folder);
        if (!m.matches()) {
            return Optional.empty();
        }
        long min = Long.parseLong(m.group(2));
        long max = Long.parseLong(m.group(3));
        if (min > max) {
            return Optional.empty();
        }
        return Optional.of(new MergeTreePartName(m.group(1), min, max, Long.parseLong(m.group(4)),
                m.group(5) == null ? 0 : Long.parseLong(m.group(5))));
    }

    /**
     * Whether this part replaces {@code other} (MergeTreePartInfo.h {@code contains}): same partition, a block range
     * that includes the other's, level and mutation at least as high, and an equal level only for the same range.
     */
    boolean covers(MergeTreePartName other) {
        boolean strictly = (minBlock == other.minBlock && maxBlock == other.maxBlock) || level > other.level
                || level == MAX_LEVEL || level == LEGACY_MAX_LEVEL;
        return partition.equals(other.partition) && minBlock <= other.minBlock && maxBlock >= other.maxBlock
                && level >= other.level && mutation >= other.mutation && strictly;
    }
}
