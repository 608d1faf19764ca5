package dev.restoredrill.restore;

import dev.restoredrill.outcome.FailureCategory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restoredrill.backup.ProductionVolumes;
import dev.restoredrill.drill.DrillOptions;
import dev.restoredrill.drill.DrillRun;
import dev.restoredrill.stack.LeftoverReaper;
import dev.restoredrill.testsupport.RequiresDocker;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A drill on the reference images with a production MinIO volume (xl-single) fails the minio store alone, before
 * extracting, naming the layout and the way out; the other store of the drill restores.
 */
@RequiresDocker
class XlVolumeOnReferenceImagesIT {

    @TempDir
    Path temp;

    @Test
    void minioFailsWithTheLayoutAndTheOfficialImagesWhileMongodbRestores() throws Exception {
        Path backups = Files.createDirectories(temp.resolve("backups"));
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        ProductionVolumes.writeMinioXl(backups.resolve("minio_" + date + ".tar.gz"));
        try (InputStream golden = getClass().getResourceAsStream("/dev/restoredrill/mongoarchive/test.bar.archive");
             OutputStream out = new GZIPOutputStream(Files.newOutputStream(backups.resolve("mongo_" + date + ".gz")))) {
            golden.transferTo(out); // a real mongodump archive, as --gzip writes it
        }
        Path scenario = Files.writeString(temp.resolve("xl-on-reference.yml"), "name: xl-on-reference\n"
                + "stores:\n  - mongodb\n  - minio\nstack:\n  startup_timeout: 10m\n"); // the scenarios' default; a loaded host is slow

        DrillRun run = DrillRun.prepare(new DrillOptions(scenario, Optional.of(backups.toString()), "reference",
                Optional.of(temp.resolve("reports")), false, temp.resolve("work")), Clock.systemUTC());
        Map<String, RestoreOutcome> outcomes;
        String drillId;
        try {
            outcomes = run.restores().orElseThrow(() -> new AssertionError("the drill stack did not start: "
                    + run.stackFailure().map(Throwable::getMessage).orElse("no reason recorded"))).outcomes();
            drillId = run.drillId();
        } finally {
            run.close();
        }

        assertThat(LeftoverReaper.remaining(drillId)).as("left behind by " + drillId).isEmpty();
        RestoreOutcome minio = outcomes.get("minio");
        assertThat(minio.status()).isEqualTo(RestoreOutcome.Status.FAILED);
        assertThat(minio.failure().category()).isEqualTo(FailureCategory.RESTORE_FAILURE);
        assertThat(minio.failure().message()).startsWith("Restore failure: minio_" + date + ".tar.gz is a MinIO xl-single volume")
                .contains("reference image of minio cannot serve", "-Ddrill.images=official");
        assertThat(outcomes.get("mongodb").status()).as(String.valueOf(outcomes.get("mongodb").failure()))
                .isEqualTo(RestoreOutcome.Status.RESTORED);
    }
}
