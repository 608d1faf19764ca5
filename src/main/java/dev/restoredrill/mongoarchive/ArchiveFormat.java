package dev.restoredrill.mongoarchive;

/** The constants of the mongodump archive format (mongo-tools common/archive/spec.md). */
final class ArchiveFormat {

    /** 0x8199E26D, little-endian. */
    static final byte[] MAGIC = {0x6D, (byte) 0xE2, (byte) 0x99, (byte) 0x81};
    static final int TERMINATOR = 0xFFFFFFFF;
    static final byte[] TERMINATOR_BYTES = {-1, -1, -1, -1};
    static final int MIN_BSON_SIZE = 5;
    /** The server's 16 MiB document limit plus the 16 KiB it allows itself for internal documents (oplog entries). */
    static final int MAX_BSON_SIZE = 16 * 1024 * 1024 + 16 * 1024;

    private ArchiveFormat() {
    }

    static String hex(byte[] bytes, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(i == 0 ? "" : " ").append(String.format("%02X", bytes[i]));
        }
        return out.toString();
    }
}
