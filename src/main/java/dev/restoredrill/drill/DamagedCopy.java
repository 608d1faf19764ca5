package dev.restoredrill.drill;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A deliberately damaged copy of a {@code pg_dumpall | gzip} backup, for the negative control: the first row of
 * every table's {@code COPY … FROM stdin} block is written twice, as a torn or replayed write would leave it. The
 * copy is still a well-formed dump (the catalog reads it, counting one row more per table), so the damage can
 * only be caught after the restore: by a table's primary key or unique constraint when the dump adds it after
 * the data, by the counts, or by the integrity checks. The real backup is only read; the copy goes to a file of
 * its own, streamed line by line (constant memory); every other byte is copied unchanged.
 *
 * @param file      the damaged copy, named like the real backup so the catalog finds it
 * @param damage    what was done, for the report, e.g. "the first row of 12 tables' COPY blocks written twice"
 * @param rowsAdded how many rows were duplicated; 0 when the dump has no data row (nothing was damaged)
 */
public record DamagedCopy(Path file, String damage, long rowsAdded) {

    /** How the copy is made: damaged, or (to show that the checks would notice nothing) left as it is. */
    public enum Damage {
        DUPLICATED_ROWS, NONE
    }

    private static final String COPY_END = "\\.";

    /** Writes the copy of {@code backup} into {@code directory} (created if need be) under the same name. */
    public static DamagedCopy of(Path backup, Path directory, Damage damage) throws IOException {
        Files.createDirectories(directory);
        Path copy = directory.resolve(backup.getFileName().toString());
        if (copy.toAbsolutePath().normalize().equals(backup.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the damaged copy must not overwrite the backup itself: " + backup);
        }
        if (damage == Damage.NONE) {
            Files.copy(backup, copy);
            return new DamagedCopy(copy, "none (an unchanged copy)", 0);
        }
        long tables = 0;
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(backup), 1 << 16),
                1 << 16);
             OutputStream out = new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(copy), 1 << 16),
                     1 << 16)) {
            boolean inCopy = false;
            boolean firstRow = false;
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                out.write(b);
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                String text = line.toString(StandardCharsets.ISO_8859_1);
                if (inCopy) {
                    if (text.equals(COPY_END)) {
                        inCopy = false;
                    } else if (firstRow) {
                        line.writeTo(out);
                        out.write('\n');
                        tables++;
                        firstRow = false;
                    }
                } else if (text.startsWith("COPY ") && text.endsWith(" FROM stdin;")) {
                    inCopy = true;
                    firstRow = true;
                }
                line.reset();
            }
        }
        return new DamagedCopy(copy, "the first row of " + tables + " tables' COPY blocks written twice", tables);
    }
}
