package dev.restoredrill.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Test fixture: a month of the runbook's backups in a directory, written in milliseconds from the catalog's own
 * fixtures: Postgres (02:00 UTC) and MongoDB (02:40) every night, ClickHouse (03:30) and MinIO (04:00) every seventh
 * night counting back from the newest, as the generator's {@code BackupSchedule} keeps them. Every file is valid; the
 * mtimes fall on the named dates, so each backup's instant is its mtime.
 */
final class NightlySet {
    static final String PG_TIME = "T02:00:00Z";
    static final String MONGO_TIME = "T02:40:00Z";
    static final String CLICKHOUSE_TIME = "T03:30:00Z";
    static final String MINIO_TIME = "T04:00:00Z";

    private NightlySet() {}

    static Path write(Path dir, LocalDate newest, int nights) {
        try {
            byte[] mongo;
            try (InputStream in = NightlySet.class.getResourceAsStream(
                    "/dev/restoredrill/mongoarchive/test.bar.archive")) {
                mongo = in.readAllBytes(); // a golden archive written by the real mongodump
            }
            Files.createDirectories(dir);
            for (int back = 0; back < nights; back++) {
                LocalDate day = newest.minusDays(back);
                Fixtures.touch(Fixtures.gzip(dir.resolve("pg_" + day + ".sql.gz"), Fixtures.pgDumpall()),
                        day + PG_TIME);
                Fixtures.touch(Fixtures.gzip(dir.resolve("mongo_" + day + ".gz"), mongo), day + MONGO_TIME);
                if (back % 7 == 0) {
                    Fixtures.touch(Fixtures.tarGz(dir.resolve("clickhouse_" + day + ".tar.gz"), tar -> tar.dir("data")
                            .dir("data/metadata")
                            .file("data/metadata/default.sql", "ATTACH DATABASE default ENGINE = Ordinary")
                            .file("data/metadata/default/traces.sql",
                                    "ATTACH TABLE traces (id String) ENGINE = MergeTree")
                            .file("data/data/default/traces/all_1_1_0/id.bin", "bin")), day + CLICKHOUSE_TIME);
                    Fixtures.touch(Fixtures.tarGz(dir.resolve("minio_" + day + ".tar.gz"), Fixtures::minioVolume),
                            day + MINIO_TIME);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
