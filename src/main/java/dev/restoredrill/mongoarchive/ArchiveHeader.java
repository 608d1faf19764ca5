package dev.restoredrill.mongoarchive;

/**
 * The archive's header document: {@code {concurrent_collections, version, server_version, tool_version}}.
 *
 * @param formatVersion archive format version; "0.1" is the only one mongodump has ever written
 */
public record ArchiveHeader(String serverVersion, String toolVersion, String formatVersion, int concurrentCollections) {

    /** The only archive format version that exists. */
    public static final String FORMAT_VERSION = "0.1";

    /** A header as this project's writer emits it. */
    public static ArchiveHeader of(String serverVersion, String toolVersion) {
        return new ArchiveHeader(serverVersion, toolVersion, FORMAT_VERSION, 1);
    }
}
