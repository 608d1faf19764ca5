package dev.restoredrill.restore;

import dev.restoredrill.stack.ReferenceImages;
import dev.restoredrill.outcome.FailureCategory;

import static dev.restoredrill.testsupport.Bytes.indexOf;
import dev.restoredrill.drill.DrillOptions;
import dev.restoredrill.drill.DrillRun;
import dev.restoredrill.generate.BackupSet;
import dev.restoredrill.generate.GeneratedBackups;
import dev.restoredrill.stack.LeftoverReaper;
import dev.restoredrill.testsupport.RequiresDocker;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fault in one store's backup or service fails that store alone, with the reason, while the other store of the
 * drill restores; and a failed drill leaves nothing behind. One small drill per fault (two stores each) on a copy
 * of the generated set with one file broken.
 */
@RequiresDocker
class RestoreFaultsIT {

    private static final String MARKER = "no_such_table_restore_drill";

    @TempDir
    Path temp;

    private static BackupSet set;

    @BeforeAll
    static void generate() {
        set = GeneratedBackups.small();
    }

    @Test
    void aFailingStatementInThePgDumpFailsPostgresWithPsqlsMessage() throws IOException {
        Path backups = BackupCopy.of(set, temp.resolve("backups"), List.of("postgres", "mongodb"));
        BackupCopy.rewrite(newest(backups, "pg_"), RestoreFaultsIT::insertFailingStatement);

        Map<String, RestoreOutcome> outcomes = drill("fault-pg-statement", "  - postgres\n  - mongodb\n", "",
                backups);

        RestoreOutcome postgres = outcomes.get("postgres");
        assertThat(postgres.status()).isEqualTo(RestoreOutcome.Status.FAILED);
        assertThat(postgres.failure().category()).isEqualTo(FailureCategory.RESTORE_FAILURE);
        assertThat(postgres.failure().message()).contains(MARKER)
                .contains("does not exist");
        assertRestored(outcomes.get("mongodb"));
    }

    @Test
    void aMongoArchiveWithABadCrcFailsMongodbAsCorrupt() throws IOException {
        Path backups = BackupCopy.of(set, temp.resolve("backups"), List.of("postgres", "mongodb"));
        BackupCopy.rewrite(newest(backups, "mongo_"), RestoreFaultsIT::flipAByteOfTheDrillUser);

        Map<String, RestoreOutcome> outcomes = drill("fault-mongo-crc", "  - postgres\n  - mongodb\n", "",
                backups);

        RestoreOutcome mongodb = outcomes.get("mongodb");
        assertThat(mongodb.status()).isEqualTo(RestoreOutcome.Status.FAILED);
        assertThat(mongodb.failure().category()).isEqualTo(FailureCategory.CORRUPT_BACKUP);
        assertThat(mongodb.failure().message()).contains("CRC")
                .contains("LibreChat.users");
        assertRestored(outcomes.get("postgres"));
    }

    @Test
    void aTarballWithAHostileEntryFailsClickhouseAndIsNeverExtracted() throws IOException {
        Path backups = BackupCopy.of(set, temp.resolve("backups"), List.of("clickhouse", "minio"));
        BackupCopy.rewrite(newest(backups, "clickhouse_"), RestoreFaultsIT::addHostileEntry);

        Map<String, RestoreOutcome> outcomes = drill("fault-tar-hostile", "  - clickhouse\n  - minio\n", "",
                backups);

        RestoreOutcome clickhouse = outcomes.get("clickhouse");
        assertThat(clickhouse.status()).isEqualTo(RestoreOutcome.Status.FAILED);
        assertThat(clickhouse.failure().category()).isEqualTo(FailureCategory.CORRUPT_BACKUP);
        assertThat(clickhouse.failure().message()).contains("data/../../etc/evil")
                .contains("'..'");
        assertThat(clickhouse.notes()).as("nothing was extracted").isEmpty();
        assertRestored(outcomes.get("minio"));
    }

    @Test
    void aServiceThatExitsFailsItsStoreWithItsLogTail() throws IOException {
        Path backups = BackupCopy.of(set, temp.resolve("backups"), List.of("clickhouse", "minio"));

        Map<String, RestoreOutcome> outcomes = drill("fault-service-exits", "  - clickhouse\n  - minio\n",
                "  images:\n    clickhouse: \"" + ReferenceImages.TINY + "\"\n", backups);

        RestoreOutcome clickhouse = outcomes.get("clickhouse");
        assertThat(clickhouse.status()).isEqualTo(RestoreOutcome.Status.FAILED);
        assertThat(clickhouse.failure().category()).isEqualTo(FailureCategory.RESTORE_FAILURE);
        assertThat(clickhouse.failure().message()).contains("exited");
        assertThat(clickhouse.logTail()).contains("--- clickhouse log (last lines) ---");
        assertRestored(outcomes.get("minio"));
    }

    /** Runs a drill of the given stores on the backups, tears it down, and checks nothing of it is left. */
    private Map<String, RestoreOutcome> drill(String name, String stores, String stackExtra, Path backups)
            throws IOException {
        Path scenario = Files.writeString(temp.resolve(name + ".yml"), "name: " + name + "\n"
                + "stores:\n" + stores
                + "stack:\n  startup_timeout: 3m\n" + stackExtra);
        DrillRun run = DrillRun.prepare(new DrillOptions(scenario, Optional.of(backups.toString()), "reference",
                Optional.of(temp.resolve("reports")), false, temp.resolve("work")), Clock.systemUTC());
        ParallelRestore.Result result;
        String drillId;
        try {
            result = run.restores().orElseThrow(() -> new AssertionError("the drill stack did not start: "
                    + run.stackFailure().map(Throwable::getMessage).orElse("no reason recorded")));
            drillId = run.drillId();
        } finally {
            run.close();
        }
        assertThat(LeftoverReaper.remaining(drillId)).as("left behind by " + drillId).isEmpty();
        result.outcomes().values().forEach(o -> System.out.println("[" + name + "] " + o.store() + " "
                + o.status() + " in " + o.elapsed().toMillis() + " ms: " + o.failure()));
        assertThat(result.outcomes()).hasSize(2);
        return result.outcomes();
    }

    private static void assertRestored(RestoreOutcome outcome) {
        assertThat(outcome.status()).as(outcome.store() + ": " + outcome.failure())
                .isEqualTo(RestoreOutcome.Status.RESTORED);
    }

    private static Path newest(Path backups, String prefix) throws IOException {
        try (var files = Files.list(backups)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .max(Path::compareTo).orElseThrow(() -> new AssertionError("no " + prefix + " file copied"));
        }
    }

    /** gunzip → a statement on a missing table right after the first \connect → gzip, line by line. */
    private static void insertFailingStatement(Path source, Path target) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(source), 1 << 16), StandardCharsets.UTF_8));
             BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
                     new GZIPOutputStream(Files.newOutputStream(target), 1 << 16), StandardCharsets.UTF_8))) {
            boolean inserted = false;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(line);
                out.write('\n');
                if (!inserted && line.startsWith("\\connect")) {
                    out.write("SELECT * FROM " + MARKER + ";\n");
                    inserted = true;
                }
            }
            assertThat(inserted).as("the dump has a \\connect line").isTrue();
        }
    }

    /** Changes one letter of the drill account's email inside its users document: valid BSON, wrong CRC. */
    private static void flipAByteOfTheDrillUser(Path source, Path target) throws IOException {
        byte[] archive;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(source), 1 << 16)) {
            archive = in.readAllBytes(); // the small set's archive is a few MB
        }
        byte[] email = set.credentials().userEmail().getBytes(StandardCharsets.UTF_8);
        int at = indexOf(archive, email);
        assertThat(at).as("the drill account's email is in the archive").isNotNegative();
        archive[at] ^= 0x20; // a letter's case: the document stays valid, its namespace's CRC does not
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target), 1 << 16)) {
            out.write(archive);
        }
    }

    /** Copies every entry of the tarball and adds one whose path climbs out of the extraction root. */
    private static void addHostileEntry(Path source, Path target) throws IOException {
        try (TarArchiveInputStream in = new TarArchiveInputStream(new GzipCompressorInputStream(
                new BufferedInputStream(Files.newInputStream(source), 1 << 16)));
             TarArchiveOutputStream out = new TarArchiveOutputStream(
                     new GZIPOutputStream(Files.newOutputStream(target), 1 << 16))) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putArchiveEntry(entry);
                if (entry.isFile()) {
                    in.transferTo(out);
                }
                out.closeArchiveEntry();
            }
            byte[] evil = "restore drill: this must never be extracted\n".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry hostile = new TarArchiveEntry("data/../../etc/evil");
            hostile.setSize(evil.length);
            out.putArchiveEntry(hostile);
            out.write(evil);
            out.closeArchiveEntry();
        }
    }
}
