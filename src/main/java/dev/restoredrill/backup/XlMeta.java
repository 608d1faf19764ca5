package dev.restoredrill.backup;

import java.nio.charset.StandardCharsets;

/**
 * Reads the version list of a MinIO {@code xl.meta} far enough to say what its latest version is. The layout, from
 * minio cmd/xl-storage-format-v2.go ({@code checkXL2V1}, {@code isIndexedMetaV2}, {@code decodeXLHeaders},
 * {@code decodeVersions}, {@code IsLatestDeleteMarker}):
 * <ul>
 *   <li>{@code "XL2 "}, then major and minor version as little-endian uint16 (1 and 3 since 2021);</li>
 *   <li>the metadata as one MessagePack bin: header version (uint), meta version (uint), version count (int), then
 *       per version a bin holding its header (a tuple: version id bin16, mod time int64, [signature bin4,] type
 *       uint8, flags uint8, ...) and a bin holding the full version;</li>
 *   <li>a MessagePack uint32: the low 32 bits of xxHash64 of the metadata bin's content;</li>
 *   <li>inline object data (objects up to 128 KiB, {@code smallFileThreshold} in cmd/xl-storage.go), not read.</li>
 * </ul>
 * Versions are stored newest first; a free version (flag bit 0) is the scanner's bookkeeping and not listed.
 */
final class XlMeta {
    /** Version types (xl-storage-format-v2.go {@code VersionType}). */
    static final int OBJECT_TYPE = 1;
    static final int DELETE_TYPE = 2;
    static final int LEGACY_TYPE = 3;
    private static final int FLAG_FREE_VERSION = 1;

    /** What the newest listed version is. */
    enum Latest { OBJECT, DELETE_MARKER, NO_VERSIONS }

    private XlMeta() {}

    /**
     * @param bytes  the start of the file (at least the metadata and its CRC)
     * @param length how many bytes of {@code bytes} hold the file
     * @throws IllegalArgumentException with what could not be read
     */
    static Latest latest(byte[] bytes, int length) {
        if (length <= 8 || !"XL2 ".equals(new String(bytes, 0, 4, StandardCharsets.ISO_8859_1))) {
            throw new IllegalArgumentException("no 'XL2 ' header");
        }
        int major = (bytes[4] & 0xff) | (bytes[5] & 0xff) << 8;
        int minor = (bytes[6] & 0xff) | (bytes[7] & 0xff) << 8;
        if (major != 1 || minor < 3) {
            throw new IllegalArgumentException("xl.meta version " + major + "." + minor
                    + " (only 1.3, written since 2021, is read)");
        }
        MessagePackCursor cursor = new MessagePackCursor(bytes, 8, length);
        int metaLength = cursor.readBinHeader();
        int metaStart = cursor.position();
        cursor.skip(metaLength);
        long crc = cursor.readInteger();
        long expected = XxHash64.hash(bytes, metaStart, metaLength) & 0xFFFFFFFFL;
        if (crc != expected) {
            throw new IllegalArgumentException(String.format("metadata CRC mismatch (stored %08x, computed %08x)",
                    crc, expected));
        }
        MessagePackCursor meta = new MessagePackCursor(bytes, metaStart, metaStart + metaLength);
        long headerVersion = meta.readInteger();
        meta.readInteger(); // meta version: how each full version is encoded, not needed for the headers
        long versions = meta.readInteger();
        if (headerVersion < 1 || headerVersion > 3 || versions < 0) {
            throw new IllegalArgumentException("unknown xl header version " + headerVersion + " or version count "
                    + versions);
        }
        for (long i = 0; i < versions; i++) {
            int headerLength = meta.readBinHeader();
            int headerEnd = meta.position() + headerLength;
            int[] typeAndFlags = typeAndFlags(new MessagePackCursor(bytes, meta.position(), headerEnd), headerVersion);
            meta.skip(headerLength);
            meta.skip(meta.readBinHeader()); // the full version
            if ((typeAndFlags[1] & FLAG_FREE_VERSION) != 0) {
                continue;
            }
            return switch (typeAndFlags[0]) {
                case OBJECT_TYPE, LEGACY_TYPE -> Latest.OBJECT;
                case DELETE_TYPE -> Latest.DELETE_MARKER;
                default -> throw new IllegalArgumentException("unknown version type " + typeAndFlags[0]);
            };
        }
        return Latest.NO_VERSIONS;
    }

    /** Header v1 (never released) is [id, modtime, type, flags]; v2 and v3 add the signature before the type. */
    private static int[] typeAndFlags(MessagePackCursor header, long headerVersion) {
        int fields = header.readArrayHeader();
        if (fields < (headerVersion == 1 ? 4 : 5)) {
            throw new IllegalArgumentException("a version header of " + fields + " fields");
        }
        header.skip(header.readBinHeader()); // version id
        header.readInteger(); // mod time
        if (headerVersion > 1) {
            header.skip(header.readBinHeader()); // signature
        }
        int type = (int) header.readInteger();
        int flags = (int) header.readInteger();
        return new int[] {type, flags};
    }
}
