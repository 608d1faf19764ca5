package dev.restoredrill.backup;

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
     */
    public record Collection(String db, String collection, String type, List<String> indexes, long documents) {}

    @Override
    public String summary() {
        return collections.size() + " colls, " + Sizes.compactCount(totalDocuments) + " docs";
    }
}
