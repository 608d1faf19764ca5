package dev.restoredrill.mongoarchive;

/**
 * CRC-64 as Go's {@code hash/crc64} computes it with the ECMA table, which mongodump uses for the
 * per-namespace checksum: reflected polynomial 0xC96C5795D7870F42, initial value and final XOR all
 * ones (the same algorithm as CRC-64/XZ). {@link #getValue()} is the Go {@code Sum64()} bit pattern,
 * as stored (signed int64) in the archive's EOF headers.
 */
public final class Crc64Ecma {

    private static final long POLYNOMIAL = 0xC96C5795D7870F42L;
    private static final long[] TABLE = table();

    private long crc;

    public void update(byte[] bytes, int offset, int length) {
        long c = ~crc;
        for (int i = offset; i < offset + length; i++) {
            c = TABLE[(int) ((c ^ bytes[i]) & 0xFF)] ^ (c >>> 8);
        }
        crc = ~c;
    }

    public void update(byte[] bytes) {
        update(bytes, 0, bytes.length);
    }

    public long getValue() {
        return crc;
    }

    public static long checksum(byte[] bytes) {
        Crc64Ecma crc = new Crc64Ecma();
        crc.update(bytes);
        return crc.getValue();
    }

    /** The value as mongodump's error messages and our own print it: 16 hex digits. */
    public static String hex(long crc) {
        return String.format("0x%016X", crc);
    }

    private static long[] table() {
        long[] table = new long[256];
        for (int i = 0; i < 256; i++) {
            long c = i;
            for (int bit = 0; bit < 8; bit++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ POLYNOMIAL : c >>> 1;
            }
            table[i] = c;
        }
        return table;
    }
}
