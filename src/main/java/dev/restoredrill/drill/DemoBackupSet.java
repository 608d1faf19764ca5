package dev.restoredrill.drill;

import dev.restoredrill.generate.BackupSchedule;
import dev.restoredrill.generate.BackupSetGenerator;
import dev.restoredrill.generate.ByteSize;
import dev.restoredrill.generate.Dataset;
import dev.restoredrill.generate.DatasetSpec;
import dev.restoredrill.generate.LoggingProgress;
import dev.restoredrill.generate.ReferenceSourceStack;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The demo backup set a drill falls back on when the user has none: the same generator as
 * {@code DemoBackups} (a reference source stack filled from a fixed seed, backed up as the runbook does),
 * small enough for a drill to run in minutes. Size and nights: {@code -Ddrill.demo.size} (default 20MB),
 * {@code -Ddrill.demo.days} (default 7).
 */
final class DemoBackupSet {

    static final long SEED = 20_261_001L;

    private DemoBackupSet() {
    }

    static void generate(Path directory, LocalDate asOf) {
        long size = ByteSize.parse(System.getProperty("drill.demo.size", "20MB"));
        int days = Integer.parseInt(System.getProperty("drill.demo.days", "7"));
        Dataset dataset = new Dataset(new DatasetSpec(SEED, asOf, size),
                dev.restoredrill.generate.DrillSecrets.fromEnvironment(System.getenv())).hashAhead();
        try (ReferenceSourceStack source = ReferenceSourceStack.start("demo-backups")) {
            new BackupSetGenerator(source, new LoggingProgress())
                    .generate(dataset, BackupSchedule.of(asOf, days), directory);
        }
    }
}
