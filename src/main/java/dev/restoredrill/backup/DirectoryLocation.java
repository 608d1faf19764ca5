package dev.restoredrill.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** The runbook's {@code /backups} directory on the drill runner: listed and read in place, never copied. */
public final class DirectoryLocation implements BackupLocation {
    private final Path dir;

    public DirectoryLocation(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    @Override
    public String describe() {
        return dir.toString();
    }

    @Override
    public List<ListedFile> list() {
        if (!Files.exists(dir)) {
            throw new BackupCatalogException("the backups directory " + dir + " does not exist: point the drill"
                    + " at the directory the backup jobs write into (the runbook's /backups), e.g."
                    + " -Ddrill.backups=PATH.");
        }
        if (!Files.isDirectory(dir)) {
            throw new BackupCatalogException("the backups source " + dir + " is not a directory: point the drill"
                    + " at the directory holding pg_*.sql.gz, mongo_*.gz and the *.tar.gz snapshots.");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().map(f -> new ListedFile(f.getFileName().toString(), modified(f))).toList();
        } catch (IOException e) {
            throw new BackupCatalogException("the backups directory " + dir + " cannot be listed ("
                    + e.getClass().getSimpleName() + "): run the drill as a user who can read it.", e);
        }
    }

    @Override
    public Path localCopy(String store, ListedFile file) {
        return dir.resolve(file.name());
    }

    @Override
    public Path localDirectory() {
        return dir;
    }

    @Override
    public SourceRecord record() {
        return SourceRecord.directory(dir.toString());
    }

    /** The mtime of the file, else of the link itself (dangling symlink), else null. */
    private static Instant modified(Path entry) {
        try {
            return Files.getLastModifiedTime(entry).toInstant();
        } catch (IOException followFailed) {
            try {
                return Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).toInstant();
            } catch (IOException unreadable) {
                return null;
            }
        }
    }
}
