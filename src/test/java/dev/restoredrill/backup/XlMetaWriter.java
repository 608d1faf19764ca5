package dev.restoredrill.backup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes an {@code xl.meta} byte for byte as MinIO's {@code xlMetaV2.AppendTo} does (minio
 * cmd/xl-storage-format-v2.go): {@code "XL2 "}, major 1 / minor 3 (little-endian uint16), the metadata in a bin32
 * (header version 3, meta version 3, version count, then per version a bin with the header tuple
 * [version id, mod time, signature, type, flags, EcN, EcM] and a bin with the full version map), a uint32
 * (0xce) holding the low 32 bits of xxHash64 of the metadata, then the inline data ({@code xlMetaInlineData}: version
 * byte 1, a map from version id, "null" when unversioned, to the object's bytes).
 *
 * <p>Versions are given newest first, as MinIO keeps them. The 4-byte signature is a fixed value here (MinIO
 * derives it from a hash of the version; nothing reads it back but MinIO's own merge of several drives).
 */
final class XlMetaWriter {
    private static final int FLAG_USES_DATA_DIR = 2;
    private static final int FLAG_INLINE_DATA = 4;

    private record Version(int type, UUID id, long modTimeNanos, UUID dataDir, long[] partSizes, byte[] inline) {}

    private final List<Version> versions = new ArrayList<>();

    /** An object version whose data (up to 128 KiB, smallFileThreshold) is inline in xl.meta. */
    XlMetaWriter inlineObject(UUID versionId, long modTimeNanos, byte[] data) {
        versions.add(new Version(1, versionId, modTimeNanos, UUID.randomUUID(), new long[] {data.length}, data));
        return this;
    }

    /** An object version whose parts are {@code <dataDir>/part.1 … part.N} next to xl.meta. */
    XlMetaWriter objectInDataDir(UUID versionId, long modTimeNanos, UUID dataDir, long... partSizes) {
        versions.add(new Version(1, versionId, modTimeNanos, dataDir, partSizes, null));
        return this;
    }

    XlMetaWriter deleteMarker(UUID versionId, long modTimeNanos) {
        versions.add(new Version(2, versionId, modTimeNanos, null, null, null));
        return this;
    }

    byte[] bytes() {
        MessagePackWriter meta = new MessagePackWriter().integer(3).integer(3).integer(versions.size());
        for (Version v : versions) {
            int flags = v.type() == 1 ? FLAG_USES_DATA_DIR | (v.inline() != null ? FLAG_INLINE_DATA : 0) : 0;
            byte[] header = new MessagePackWriter().arrayHeader(7).bin(id(v.id())).integer(v.modTimeNanos())
                    .bin(new byte[] {0x5d, 0x1a, 0x7e, 0x22}).integer(v.type()).integer(flags)
                    .integer(0).integer(v.type() == 1 ? 1 : 0).toByteArray(); // EcN 0, EcM 1: one drive
            meta.bin(header).bin(v.type() == 1 ? object(v) : deleteMarker(v));
        }
        byte[] metaBytes = meta.toByteArray();
        long crc = XxHash64.hash(metaBytes, 0, metaBytes.length) & 0xFFFFFFFFL;
        MessagePackWriter file = new MessagePackWriter()
                .bytes("XL2 ".getBytes(StandardCharsets.US_ASCII)).bytes(new byte[] {1, 0, 3, 0})
                .raw(0xc6).be(metaBytes.length, 4).bytes(metaBytes)
                .raw(0xce).be(crc, 4);
        List<Version> inline = versions.stream().filter(v -> v.inline() != null).toList();
        if (!inline.isEmpty()) {
            file.raw(1).mapHeader(inline.size());
            for (Version v : inline) {
                file.str(v.id() == null ? "null" : v.id().toString()).bin(v.inline());
            }
        }
        return file.toByteArray();
    }

    /** xlMetaV2Version {Type, V2Obj: xlMetaV2Object, v}; field names are the msg tags of the Go structs. */
    private static byte[] object(Version v) {
        MessagePackWriter w = new MessagePackWriter().mapHeader(3).str("Type").integer(1).str("V2Obj").mapHeader(17)
                .str("ID").bin(id(v.id())).str("DDir").bin(id(v.dataDir())).str("EcAlgo").integer(1)
                .str("EcM").integer(1).str("EcN").integer(0).str("EcBSize").integer(1_048_576)
                .str("EcIndex").integer(1).str("EcDist").bin(new byte[] {1}).str("CSumAlgo").integer(1);
        w.str("PartNums").arrayHeader(v.partSizes().length);
        for (int i = 0; i < v.partSizes().length; i++) {
            w.integer(i + 1);
        }
        w.str("PartETags").nil().str("PartSizes").arrayHeader(v.partSizes().length);
        long size = 0;
        for (long s : v.partSizes()) {
            w.integer(s);
            size += s;
        }
        w.str("PartASizes").arrayHeader(v.partSizes().length);
        for (long s : v.partSizes()) {
            w.integer(s);
        }
        w.str("Size").integer(size).str("MTime").integer(v.modTimeNanos());
        w.str("MetaSys").mapHeader(v.inline() != null ? 1 : 0);
        if (v.inline() != null) {
            w.str("x-minio-internal-inline-data").bin("true".getBytes(StandardCharsets.US_ASCII));
        }
        w.str("MetaUsr").mapHeader(2).str("content-type").str("application/json").str("etag")
                .str("0123456789abcdef0123456789abcdef");
        return w.str("v").integer(1_726_000_000L).toByteArray();
    }

    /** xlMetaV2Version {Type, DelObj: xlMetaV2DeleteMarker {ID, MTime, MetaSys}, v}. */
    private static byte[] deleteMarker(Version v) {
        return new MessagePackWriter().mapHeader(3).str("Type").integer(2).str("DelObj").mapHeader(3)
                .str("ID").bin(id(v.id())).str("MTime").integer(v.modTimeNanos()).str("MetaSys").mapHeader(0)
                .str("v").integer(1_726_000_000L).toByteArray();
    }

    /** A version id as 16 bytes; the null version (unversioned bucket) is all zeros. */
    private static byte[] id(UUID uuid) {
        if (uuid == null) {
            return new byte[16];
        }
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits())
                .array();
    }
}
