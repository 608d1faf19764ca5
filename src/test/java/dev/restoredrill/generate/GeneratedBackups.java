package dev.restoredrill.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Test fixture: a small generated backup set (4 MB of data, 3 nights: 3 Postgres and MongoDB
 * backups, 1 ClickHouse and MinIO snapshot) ending today, made once per JVM on the reference
 * images and deleted when the JVM exits. Generating it takes a minute or two; every test that asks
 * gets the same set. The drill credentials are generated for the set (see {@link BackupSet#credentials()}).
 */
public final class GeneratedBackups {
    public static final long SEED = 20_261_124L;
    public static final String SIZE = "4MB";
    public static final int DAYS = 3;
    private static BackupSet small;

    private GeneratedBackups() {
    }

    public static synchronized BackupSet small() {
        if (small == null) {
            small = generate(LocalDate.now(ZoneOffset.UTC));
        }
        return small;
    }

    private static BackupSet generate(LocalDate asOf) {
        try {
            Path directory = Files.createTempDirectory("restore-drill-backups-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(directory)));
            Dataset dataset = new Dataset(new DatasetSpec(SEED, asOf, ByteSize.parse(SIZE)), DrillSecrets.fromEnvironment(Map.of()));
            try (ReferenceSourceStack stack = ReferenceSourceStack.start("generator-test")) {
                return new BackupSetGenerator(stack, new LoggingProgress())
                        .generate(dataset, BackupSchedule.of(asOf, DAYS), directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at JVM exit: the directory is under the system temp dir
        }
    }
}
