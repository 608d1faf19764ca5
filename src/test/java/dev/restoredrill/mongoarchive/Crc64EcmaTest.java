package dev.restoredrill.mongoarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Crc64EcmaTest {

    /** The catalogued check value of CRC-64/XZ, the same algorithm as Go's crc64 with the ECMA table. */
    @Test
    void matchesTheCatalogueCheckValue() {
        assertThat(Crc64Ecma.checksum("123456789".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(0x995DC9BBDF1939FAL);
    }

    /** Reference value from `printf 'hello world' | xz --check=crc64 | xz -lvv -` (CheckVal column). */
    @Test
    void matchesXzOnHelloWorld() {
        assertThat(Crc64Ecma.checksum("hello world".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(0x53037ECDEF2352DAL);
    }

    @Test
    void emptyInputIsZeroAsInEmptyNamespaces() {
        assertThat(new Crc64Ecma().getValue()).isZero();
    }

    @Test
    void incrementalUpdatesEqualOneShot() {
        byte[] data = "document one|document two".getBytes(StandardCharsets.US_ASCII);
        Crc64Ecma crc = new Crc64Ecma();
        crc.update(data, 0, 12);
        crc.update(data, 12, data.length - 12);
        assertThat(crc.getValue()).isEqualTo(Crc64Ecma.checksum(data));
    }

    /** The eight-bytes-a-step path against a bit-by-bit CRC, over lengths and offsets that leave every remainder. */
    @Test
    void longInputsAtAnyOffsetEqualTheBitwiseDefinition() {
        byte[] data = new byte[4099];
        new java.util.Random(64).nextBytes(data);
        for (int offset = 0; offset < 9; offset++) {
            for (int length : new int[] {0, 7, 8, 9, 63, 64, 1000, data.length - offset}) {
                Crc64Ecma crc = new Crc64Ecma();
                crc.update(data, offset, length);
                assertThat(crc.getValue()).as("offset %d, length %d", offset, length)
                        .isEqualTo(bitwise(data, offset, length));
            }
        }
    }

    private static long bitwise(byte[] data, int offset, int length) {
        long crc = ~0L;
        for (int i = offset; i < offset + length; i++) {
            crc ^= data[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xC96C5795D7870F42L : crc >>> 1;
            }
        }
        return ~crc;
    }
}
