package dev.restoredrill.backup;

import java.util.List;
import java.util.Map;

/**
 * What a volume tarball holds. Maps list at most {@link VolumeTarReader#MAX_KEYS} keys; the rest are counted
 * under {@code "(other)"}.
 *
 * @param entries             all entries
 * @param fileBytes           bytes of regular files' content
 * @param topLevel            first path component (normally just {@code data}) to its entry count
 * @param filesPerSecondLevel {@code data/<name>} to the regular files under it (for the S3 store in the plain-files
 *                            layout: objects per bucket)
 * @param clickhouseTables    db.table of each table to compare: {@code data/metadata/<db>/<table>.sql} (Ordinary)
 *                            and the Atomic tables of {@code clickhouseTableDetails}; {@code system} and
 *                            {@code information_schema} excluded
 * @param hostile             some entry must never be extracted (see hostileEntries); the restore refuses
 * @param hostileEntries      the first hostile entries, each with why
 * @param hostileEntryCount   all hostile entries
 * @param layout              how the volume is laid out, read from its content
 * @param clickhouseDatabases Atomic layout: every database of {@code metadata/*.sql}, server ones included
 * @param clickhouseTableDetails Atomic layout: every table found in {@code store/}, with its rows
 * @param minioBuckets        xl layout: every bucket with its objects
 */
public record TarFacts(long entries, long files, long directories, long symlinks, long hardlinks, long otherEntries,
        long fileBytes, Map<String, Long> topLevel, Map<String, Long> filesPerSecondLevel,
        List<String> clickhouseTables, boolean hostile, List<HostileEntry> hostileEntries, long hostileEntryCount,
        List<String> defects, List<String> warnings, VolumeLayout layout,
        List<ClickHouseDatabase> clickhouseDatabases, List<ClickHouseTable> clickhouseTableDetails,
        List<MinioBucket> minioBuckets) implements FormatFacts {

    /** An entry that extraction could use to write outside the target, or to create a device. */
    public record HostileEntry(String entry, String reason) {}

    /**
     * A database of {@code metadata/<db>.sql}.
     *
     * @param compared false for the server's own databases ({@code system}, {@code information_schema})
     */
    public record ClickHouseDatabase(String name, String engine, String uuid, boolean compared) {}

    /**
     * A table of an Atomic database ({@code store/<3>/<db uuid>/<table>.sql}).
     *
     * @param rows          sum of {@code count.txt} over the active parts; null when not known (not a MergeTree
     *                      engine, a part without a readable count.txt)
     * @param activeParts   parts no other part covers
     * @param outdatedParts parts a merged or mutated part covers, still on disk: not counted
     * @param detachedParts parts in {@code detached/}: not data
     * @param compared      false for the server's own databases and tables of no known database
     */
    public record ClickHouseTable(String database, String table, String uuid, String engine, Long rows,
            int activeParts, int outdatedParts, int detachedParts, boolean compared) {}

    /**
     * A bucket of a MinIO xl volume.
     *
     * @param objects       folders with an xl.meta whose latest version is an object
     * @param deleteMarkers folders whose latest version is a delete marker (not listed by MinIO)
     * @param unreadable    xl.meta that could not be read
     * @param exact         every xl.meta was read: {@code objects} is the count; else it is a lower bound
     */
    public record MinioBucket(String bucket, long objects, long deleteMarkers, long unreadable, boolean exact) {}

    @Override
    public String summary() {
        return switch (layout == null ? VolumeLayout.PLAIN_FILES : layout) {
            case CLICKHOUSE_ATOMIC -> "atomic: " + clickhouseTables.size() + " ch tables, "
                    + Sizes.compactCount(clickhouseTableDetails.stream().filter(ClickHouseTable::compared)
                            .filter(t -> t.rows() != null).mapToLong(ClickHouseTable::rows).sum()) + " rows";
            case MINIO_XL -> "xl: " + Sizes.compactCount(minioBuckets.stream().mapToLong(MinioBucket::objects).sum())
                    + (minioBuckets.stream().allMatch(MinioBucket::exact) ? "" : "+") + " objects, "
                    + Sizes.bytes(fileBytes);
            case CLICKHOUSE_ORDINARY, PLAIN_FILES -> Sizes.compactCount(files) + " files, " + Sizes.bytes(fileBytes)
                    + (clickhouseTables.isEmpty() ? "" : ", " + clickhouseTables.size() + " ch tables");
        };
    }
}
