package dev.restoredrill.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * {@code docker compose exec -T postgres pg_dumpall -U "$POSTGRES_USER" | gzip > pg_DATE.sql.gz}:
 * pg_dumpall runs inside the postgres container; its output streams through gzip ({@link FastGzip}) into the file.
 */
final class PostgresDump {
    private PostgresDump() {
    }

    static void write(SourceStack stack, Path file) {
        String user = Objects.requireNonNullElse(stack.env(SourceStack.POSTGRES, "POSTGRES_USER"), "postgres");
        BoundedCapture stderr = new BoundedCapture();
        int exit;
        try (OutputStream out = new FastGzip(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            exit = stack.exec(SourceStack.POSTGRES, List.of("pg_dumpall", "-U", user), null, out, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
        if (exit != 0) {
            throw new GenerateException("pg_dumpall in the postgres container exited with " + exit + ": " + stderr
                    + ". " + file.getFileName() + " is incomplete; fix the cause and generate again.");
        }
    }
}
