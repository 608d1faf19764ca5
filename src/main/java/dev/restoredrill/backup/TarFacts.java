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
 * @param filesPerSecondLevel {@code data/<name>} to the regular files under it (for the S3 store: objects per
 *                            bucket)
 * @param clickhouseTables    db.table of each {@code data/metadata/<db>/<table>.sql}, db {@code system} excluded
 * @param hostile             some entry must never be extracted (see hostileEntries); the restore refuses
 * @param hostileEntries      the first hostile entries, each with why
 * @param hostileEntryCount   all hostile entries
 */
public record TarFacts(long entries, long files, long directories, long symlinks, long hardlinks, long otherEntries,
        long fileBytes, Map<String, Long> topLevel, Map<String, Long> filesPerSecondLevel,
        List<String> clickhouseTables, boolean hostile, List<HostileEntry> hostileEntries, long hostileEntryCount,
        List<String> defects, List<String> warnings) implements FormatFacts {

    /** An entry that extraction could use to write outside the target, or to create a device. */
    public record HostileEntry(String entry, String reason) {}

    @Override
    public String summary() {
        return Sizes.compactCount(files) + " files, " + Sizes.bytes(fileBytes)
                + (clickhouseTables.isEmpty() ? "" : ", " + clickhouseTables.size() + " ch tables");
    }
}
