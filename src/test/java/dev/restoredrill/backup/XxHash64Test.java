package dev.restoredrill.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Expected values from xxhsum -H64 (Debian's xxhash 0.8.1), the reference implementation. */
class XxHash64Test {
    private static long hash(byte[] data) {
        return XxHash64.hash(data, 0, data.length);
    }

    private static byte[] sevens(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 7);
        }
        return data;
    }

    @Test
    void matchesTheReferenceImplementation() {
        assertThat(hash(new byte[0])).isEqualTo(0xef46db3751d8e999L);
        assertThat(hash("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0x44bc2cf5ad770999L);
        assertThat(hash("Nobody inspects the spammish repetition".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(0xfbcea83c8a378bf1L);
        assertThat(hash(sevens(37))).isEqualTo(0x0f67f332bdd5b35bL);
        assertThat(hash(sevens(100))).isEqualTo(0x8e2272c08247d5dbL);
    }
}
