package dev.restoredrill.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * Test fixture: a small backup set of the runbook's four stores that the catalog passes, written in
 * milliseconds from the catalog's own fixtures (no container): pg dumps and mongo archives for each night,
 * one ClickHouse and one MinIO volume tarball for the newest. For tests of where backups come from, where
 * what matters is that the files are real and valid, not what they hold. {@code spendLogRows} pads the pg dump
 * with rows so that it is big enough to be cut in the middle of a download.
 */
public final class FixtureBackupSet {
    private FixtureBackupSet() {}

    public static Path write(Path dir, LocalDate newest, int nights, int spendLogRows) {
        try {
            Files.createDirectories(dir);
            byte[] mongo;
            try (InputStream in = FixtureBackupSet.class.getResourceAsStream(
                    "/dev/restoredrill/mongoarchive/test.bar.archive")) {
                mongo = in.readAllBytes(); // a golden archive written by the real mongodump
            }
            for (int night = 0; night < nights; night++) {
                LocalDate day = newest.minusDays(night);
                Fixtures.gzip(dir.resolve("pg_" + day + ".sql.gz"), pgDump(spendLogRows, day.toEpochDay()));
                Fixtures.gzip(dir.resolve("mongo_" + day + ".gz"), mongo);
            }
            Fixtures.tarGz(dir.resolve("clickhouse_" + newest + ".tar.gz"), tar -> tar.dir("data")
                    .dir("data/metadata")
                    .file("data/metadata/default.sql", "ATTACH DATABASE default ENGINE = Ordinary")
                    .file("data/metadata/default/traces.sql", "ATTACH TABLE traces (id String) ENGINE = MergeTree")
                    .file("data/data/default/traces/all_1_1_0/id.bin", "bin"));
            Fixtures.tarGz(dir.resolve("minio_" + newest + ".tar.gz"), Fixtures::minioVolume);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pgDump(int extraRows, long seed) {
        Random random = new Random(seed);
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < extraRows; i++) {
            rows.append("req-x").append(i).append('\t').append(Long.toHexString(random.nextLong()))
                    .append(Long.toHexString(random.nextLong())).append("\t0.0001\t2026-05-25 10:00:00\t\\N\n");
        }
        String last = "req-3\t\\N\t0\t2026-05-25 12:00:00\t\\N\n";
        String dump = Fixtures.pgDumpall();
        if (!dump.contains(last)) {
            throw new IllegalStateException("Fixtures.pgDumpall() changed: no spend-log row to pad after");
        }
        return dump.replace(last, last + rows);
    }
}
