package dev.restoredrill.backup;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HashingAsideInputStreamTest {

    @Test
    void passesEveryByteOnAndHashesEveryByteReadOrSkipped() throws Exception {
        byte[] data = new byte[(5 << 20) + 12345];
        new Random(3).nextBytes(data);
        HashingAsideInputStream in = new HashingAsideInputStream(new ByteArrayInputStream(data),
                MessageDigest.getInstance("SHA-256"));
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buffer = new byte[70_001];
        seen.write(in.read());
        int n;
        while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
            seen.write(buffer, 0, n);
            if (seen.size() > (2 << 20) && seen.size() < (3 << 20)) {
                long skipped = in.skip(1000);
                seen.write(data, seen.size(), (int) skipped);
            }
        }
        byte[] digest = in.digest();
        in.close();

        assertThat(seen.toByteArray()).isEqualTo(data);
        assertThat(digest).isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Test
    void anEmptyStreamHasTheDigestOfNothing() throws Exception {
        HashingAsideInputStream in = new HashingAsideInputStream(new ByteArrayInputStream(new byte[0]),
                MessageDigest.getInstance("SHA-256"));
        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest());
    }

    @Test
    void aFailingReadReachesTheReaderUnchanged() throws Exception {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Input/output error");
            }
        };
        try (HashingAsideInputStream in = new HashingAsideInputStream(failing, MessageDigest.getInstance("SHA-256"))) {
            assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessage("Input/output error");
        }
    }
}
