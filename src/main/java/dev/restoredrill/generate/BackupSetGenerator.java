package dev.restoredrill.generate;

import dev.restoredrill.concurrent.ConcurrentWork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * Fills a source stack with a dataset night by night and, each night, takes the runbook's backups
 * of it: Postgres and MongoDB every night, ClickHouse and MinIO volume snapshots on weekly nights.
 * Night N's backups hold everything that arrived before 02:00 UTC that night, so older backups hold
 * a prefix of newer ones; files are named for their night and their mtimes set to when they were taken.
 */
public final class BackupSetGenerator {
    public static final String OWNER_LABEL = "dev.restoredrill.owner=generator";
    private static final Duration MONGO_AFTER = Duration.ofMinutes(4);
    private static final Duration CLICKHOUSE_AFTER = Duration.ofMinutes(30);
    private static final Duration MINIO_AFTER = Duration.ofMinutes(50);

    private final SourceStack stack;
    private final ProgressListener progress;
    private final String tarImage;

    public BackupSetGenerator(SourceStack stack, ProgressListener progress) {
        this(stack, progress, VolumeTarball.DEFAULT_IMAGE);
    }

    public BackupSetGenerator(SourceStack stack, ProgressListener progress, String tarImage) {
        this.stack = stack;
        this.progress = progress;
        this.tarImage = tarImage;
    }

    /** Generates into {@code directory} (created if missing; must not hold backups of these nights already). */
    public BackupSet generate(Dataset dataset, BackupSchedule schedule, Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the backup directory " + directory, e);
        }
        if (!schedule.asOf().equals(dataset.spec().asOf())) {
            throw new GenerateException("The schedule ends on " + schedule.asOf() + " but the dataset is as of "
                    + dataset.spec().asOf() + "; give both the same date.");
        }
        Path credentials = dataset.credentials().writeTo(directory);
        List<BackupFile> files = new ArrayList<>();
        try (SourceLoader loader = new SourceLoader(stack, dataset, progress)) {
            loader.loadBase();
            List<LocalDate> nights = schedule.nights();
            for (LocalDate night : nights) {
                StoreContents contents = loader.loadUntil(Timeline.backupInstant(night));
                // The night's backups at once: each is one pipeline (a dump and its gzip, a tar) of one store, and
                // nothing loads until they are done, so their order does not change what they hold.
                List<Callable<BackupFile>> backups = new ArrayList<>(List.of(
                        () -> postgres(directory, night, contents), () -> mongo(directory, night, contents)));
                if (schedule.isWeekly(night)) {
                    boolean restart = !night.equals(nights.get(nights.size() - 1));
                    backups.add(() -> volume(directory, night, contents, SourceStack.CLICKHOUSE, "clickhouse-data",
                            BackupNames.clickhouse(night), CLICKHOUSE_AFTER, restart));
                    backups.add(() -> volume(directory, night, contents, SourceStack.MINIO, "minio-data",
                            BackupNames.minio(night), MINIO_AFTER, restart));
                }
                List<BackupFile> taken = ConcurrentWork.run("backup-" + night, backups.size(), backups);
                if (taken.contains(null)) {
                    throw new GenerateException("Interrupted while taking the backups of " + night + "; the set in "
                            + directory + " is incomplete: generate it again.");
                }
                files.addAll(taken);
            }
        }
        return new BackupSet(directory, credentials, dataset.credentials(), files);
    }

    private BackupFile postgres(Path directory, LocalDate night, StoreContents contents) {
        Path file = directory.resolve(BackupNames.postgres(night));
        Instant started = Instant.now();
        removingOnFailure(file, () -> PostgresDump.write(stack, file));
        return finish(file, SourceStack.POSTGRES, night, contents, Duration.ZERO, started);
    }

    private BackupFile mongo(Path directory, LocalDate night, StoreContents contents) {
        Path file = directory.resolve(BackupNames.mongo(night));
        Instant started = Instant.now();
        Map<String, Long> libreChat = new TreeMap<>();
        removingOnFailure(file, () -> libreChat.putAll(MongoArchiveDump.write(stack.endpoint(SourceStack.MONGODB, SourceLoader.MONGODB_PORT), file)));
        libreChat.keySet().removeIf(ns -> !ns.startsWith(MongoLoader.DATABASE + "."));
        if (!libreChat.equals(new TreeMap<>(contents.mongoDocuments()))) {
            deleteQuietly(file);
            throw new GenerateException("The source MongoDB does not hold what was loaded into it: loaded "
                    + new TreeMap<>(contents.mongoDocuments()) + ", archived " + libreChat + ". " + file.getFileName()
                    + " would not match its expected counts; check the mongodb service's log.");
        }
        return finish(file, SourceStack.MONGODB, night, contents, MONGO_AFTER, started);
    }

    private BackupFile volume(Path directory, LocalDate night, StoreContents contents, String service, String volume,
                              String name, Duration after, boolean restart) {
        Path file = directory.resolve(name);
        Instant started = Instant.now();
        removingOnFailure(file, () -> VolumeTarball.write(stack, service, volume, file, tarImage, OWNER_LABEL, restart));
        return finish(file, service, night, contents, after, started);
    }

    /** A backup that failed half way must not lie in the directory looking like a good one. */
    private static void removingOnFailure(Path file, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the original failure is the one to report
        }
    }

    private BackupFile finish(Path file, String store, LocalDate night, StoreContents contents, Duration after, Instant started) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Timeline.backupInstant(night).plus(after)));
            long size = Files.size(file);
            progress.phaseDone(file.getFileName().toString(), 0, size, Duration.between(started, Instant.now()));
            return new BackupFile(file, store, night, size, contents);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stamp " + file, e);
        }
    }
}
