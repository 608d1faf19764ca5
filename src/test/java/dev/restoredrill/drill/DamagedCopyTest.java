package dev.restoredrill.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restoredrill.outcome.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The negative control's damaged copy, and what its outcome says. */
class DamagedCopyTest {

    private static final String DUMP = """
            -- PostgreSQL database cluster dump
            \\connect shop
            COPY public.orders (id, item) FROM stdin;
            1\titem-1
            2\titem-2\r
            \\.
            COPY public.empty (id) FROM stdin;
            \\.
            SELECT 'COPY x FROM stdin;' AS not_a_copy;\r
            COPY public.notes (id, body) FROM stdin;
            7\tnote with caf\u00e9
            \\.
            -- PostgreSQL database cluster dump complete
            """;

    @TempDir
    Path dir;

    @Test
    void theFirstRowOfEveryCopyBlockIsWrittenTwiceAndEveryOtherByteIsKept() throws IOException {
        Path backup = gzip(dir.resolve("backups/pg_2026-12-01.sql.gz"), DUMP);
        byte[] before = Files.readAllBytes(backup);

        DamagedCopy copy = DamagedCopy.of(backup, dir.resolve("control"), DamagedCopy.Damage.DUPLICATED_ROWS);

        assertThat(copy.file()).isEqualTo(dir.resolve("control/pg_2026-12-01.sql.gz"));
        assertThat(copy.rowsAdded()).isEqualTo(2);
        assertThat(copy.damage()).isEqualTo("the first row of 2 tables' COPY blocks written twice");
        assertThat(gunzip(copy.file())).isEqualTo(DUMP.replace("1\titem-1\n", "1\titem-1\n1\titem-1\n")
                .replace("7\tnote with caf\u00e9\n", "7\tnote with caf\u00e9\n7\tnote with caf\u00e9\n"));
        assertThat(Files.readAllBytes(backup)).as("the backup is only read").isEqualTo(before);
    }

    @Test
    void withoutDamageTheCopyIsTheSameAndTheBackupIsNeverOverwritten() throws IOException {
        Path backup = gzip(dir.resolve("backups/pg_2026-12-01.sql.gz"), DUMP);

        DamagedCopy copy = DamagedCopy.of(backup, dir.resolve("control"), DamagedCopy.Damage.NONE);

        assertThat(copy.file()).hasSameBinaryContentAs(backup);
        assertThat(copy.rowsAdded()).isZero();
        assertThatThrownBy(() -> DamagedCopy.of(backup, backup.getParent(), DamagedCopy.Damage.DUPLICATED_ROWS))
                .hasMessageContaining("must not overwrite the backup itself");
    }

    @Test
    void anUndetectedControlIsAFailureOfTheDrill() {
        NegativeControlOutcome caught = new NegativeControlOutcome("postgres", "rows twice", Optional.of("the restore"),
                "the restore said: duplicate key", Duration.ofSeconds(3));
        NegativeControlOutcome missed = new NegativeControlOutcome("postgres", "rows twice", Optional.empty(),
                "Restored, 12 counts equal the copy's.", Duration.ofSeconds(9));

        assertThat(caught.headline()).isEqualTo("negative control: detected by the restore");
        assertThat(caught.verdict()).isEqualTo(Verdict.PASS);
        assertThat(caught.failure()).isEmpty();
        assertThat(missed.headline()).isEqualTo("negative control: NOT detected");
        assertThat(missed.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(missed.failure()).hasValueSatisfying(f -> assertThat(f.message()).startsWith("Check failure: ")
                .contains("the checks cannot be trusted"));
    }

    private static Path gzip(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
