package dev.restoredrill.mongoarchive;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * CRC-64 as Go's {@code hash/crc64} computes it with the ECMA table, which mongodump uses for the
 * per-namespace checksum: reflected polynomial 0xC96C5795D7870F42, initial value and final XOR all
 * ones (the same algorithm as CRC-64/XZ). {@link #getValue()} is the Go {@code Sum64()} bit pattern,
 * as stored (signed int64) in the archive's EOF headers.
 */
public final class Crc64Ecma {

    private static final long POLYNOMIAL = 0xC96C5795D7870F42L;
    private static final long[] TABLE = table();
    /** Slicing-by-8 (eight bytes a step): the byte-at-a-time loop cost as much CPU as inflating the archive. */
    private static final long[][] SLICES = slices();
    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private long crc;

    public void update(byte[] bytes, int offset, int length) {
        long c = ~crc;
        int i = offset;
        for (int end8 = offset + (length & ~7); i < end8; i += 8) {
            c ^= (long) LITTLE_ENDIAN_LONG.get(bytes, i);
            c = SLICES[7][(int) (c & 0xFF)] ^ SLICES[6][(int) ((c >>> 8) & 0xFF)]
                    ^ SLICES[5][(int) ((c >>> 16) & 0xFF)] ^ SLICES[4][(int) ((c >>> 24) & 0xFF)]
                    ^ SLICES[3][(int) ((c >>> 32) & 0xFF)] ^ SLICES[2][(int) ((c >>> 40) & 0xFF)]
                    ^ SLICES[1][(int) ((c >>> 48) & 0xFF)] ^ SLICES[0][(int) (c >>> 56)];
        }
        for (; i < offset + length; i++) {
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

    /** {@code SLICES[k][b]}: the CRC of byte b followed by k zero bytes. */
    private static long[][] slices() {
        long[][] slices = new long[8][];
        slices[0] = TABLE;
        for (int k = 1; k < 8; k++) {
            slices[k] = new long[256];
            for (int b = 0; b < 256; b++) {
                long previous = slices[k - 1][b];
                slices[k][b] = (previous >>> 8) ^ TABLE[(int) (previous & 0xFF)];
            }
        }
        return slices;
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
