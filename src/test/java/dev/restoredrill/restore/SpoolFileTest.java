package dev.restoredrill.restore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpoolFileTest {

    @Test
    void theReaderGetsEveryByteWhileTheyAreStillBeingWrittenThenTheFileIsGone(@TempDir Path dir) throws Exception {
        byte[] data = new byte[5 << 20];
        new Random(7).nextBytes(data);
        SpoolFile spool = new SpoolFile(dir);
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = spool.reader()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try (OutputStream out = spool.writer()) {
            for (int i = 0; i < data.length; i += 4093) {
                out.write(data, i, Math.min(4093, data.length - i));
            }
            assertThat(read).as("the reader waits for the writer to finish").isNotDone();
        }
        assertThat(read.get()).isEqualTo(data);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aFailedSourceFailsTheWaitingReader(@TempDir Path dir) throws Exception {
        SpoolFile spool = new SpoolFile(dir);
        OutputStream out = spool.writer();
        out.write(new byte[] {1, 2, 3});
        out.flush();
        spool.fail(new IOException("Unexpected end of ZLIB input stream"));
        try (InputStream in = spool.reader()) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                    .hasMessageContaining("Unexpected end of ZLIB input stream");
        }
    }
}
