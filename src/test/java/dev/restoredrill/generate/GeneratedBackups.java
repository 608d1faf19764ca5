package dev.restoredrill.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Test fixture: a small generated backup set (4 MB of data, 3 nights: 3 Postgres and MongoDB
 * backups, 1 ClickHouse and MinIO snapshot) ending today, made on the reference images; every test
 * that asks gets the same set. Under Maven ({@value #SHARED_PROPERTY} names a folder per build) the
 * test JVMs of one build share it: the first makes it under a file lock, the others wait and read
 * its description (a JSON file beside it, 0600: it holds the set's credentials), so the 2-core
 * machine makes it once, not once per JVM. Without the property (a test run from an IDE) each JVM
 * makes its own in a temporary folder, deleted at exit. The drill credentials are generated for the
 * set (see {@link BackupSet#credentials()}).
 */
public final class GeneratedBackups {
    public static final long SEED = 20_261_124L;
    public static final String SIZE = "4MB";
    public static final int DAYS = 3;
    static final String SHARED_PROPERTY = "drill.it.backups";
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private static BackupSet small;

    private GeneratedBackups() {
    }

    public static synchronized BackupSet small() {
        if (small == null) {
            String shared = System.getProperty(SHARED_PROPERTY, "");
            small = shared.isBlank() ? ownSet() : sharedSet(Path.of(shared));
        }
        return small;
    }

    private static BackupSet ownSet() {
        try {
            Path directory = Files.createTempDirectory("restore-drill-backups-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(directory)));
            return generate(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The build's set: made by the first JVM to take the lock, read by the rest. */
    private static BackupSet sharedSet(Path directory) {
        try {
            Files.createDirectories(directory.getParent());
            Path lockFile = directory.resolveSibling(directory.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                // Beside the set, not in it: the catalog reads every file in a backup folder.
                Path description = directory.resolveSibling(directory.getFileName() + ".json");
                if (Files.exists(description)) {
                    return JSON.readValue(description.toFile(), BackupSet.class);
                }
                // A folder without its description is a set whose maker died half-way: made again. Earlier
                // builds' sets go too (a few MB each under target/).
                try (Stream<Path> earlier = Files.list(directory.getParent())) {
                    earlier.filter(p -> !p.equals(lockFile)).forEach(GeneratedBackups::delete);
                }
                Files.createDirectories(directory);
                BackupSet set = generate(directory);
                // Written aside and renamed: a JVM killed mid-write leaves no half description for the others.
                Path written = directory.resolveSibling(directory.getFileName() + ".json.part");
                Files.deleteIfExists(written);
                Files.createFile(written, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
                JSON.writeValue(written.toFile(), set);
                Files.move(written, description, StandardCopyOption.ATOMIC_MOVE);
                return set;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the shared generated backup set in " + directory + " could not be made "
                    + "or read; delete the folder and run again", e);
        }
    }

    private static BackupSet generate(Path directory) {
        LocalDate asOf = LocalDate.now(ZoneOffset.UTC);
        Dataset dataset = new Dataset(new DatasetSpec(SEED, asOf, ByteSize.parse(SIZE)), DrillSecrets.fromEnvironment(Map.of())).hashAhead();
        try (ReferenceSourceStack stack = ReferenceSourceStack.start("generator-test")) {
            return new BackupSetGenerator(stack, new LoggingProgress())
                    .generate(dataset, BackupSchedule.of(asOf, DAYS), directory);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: the folder is under the system temp dir or target/
        }
    }
}
