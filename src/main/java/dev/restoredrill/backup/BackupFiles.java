package dev.restoredrill.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opening backup files: read-only, and with a plain-words error when a file cannot be read at all. */
final class BackupFiles {
    private BackupFiles() {}

    /** The size of a readable regular file, or why it is not one. */
    static long readableSize(Path file) throws BackupUnreadableException {
        String name = file.getFileName().toString();
        if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new BackupUnreadableException(name + " does not exist (any more): it was moved or deleted.");
        }
        if (Files.isSymbolicLink(file) && Files.notExists(file)) {
            String target;
            try {
                target = Files.readSymbolicLink(file).toString();
            } catch (IOException e) {
                target = "?";
            }
            throw new BackupUnreadableException(name + " is a symlink to '" + target + "', which does not exist"
                    + " (a dangling link): point it at the real backup file or remove it.");
        }
        if (Files.isDirectory(file)) {
            throw new BackupUnreadableException(name + " is a directory, not a backup file: something created a"
                    + " directory under a backup's name; remove or rename it.");
        }
        if (!Files.isRegularFile(file)) {
            throw new BackupUnreadableException(name + " is not a regular file (a device, fifo or socket):"
                    + " a backup must be a plain file.");
        }
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    /** Opens for reading only: the catalog never writes into the backups directory. */
    static InputStream openReadOnly(Path file) throws BackupUnreadableException {
        try {
            return Files.newInputStream(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw unreadable(file.getFileName().toString(), e);
        }
    }

    static BackupUnreadableException unreadable(String name, IOException e) {
        String why = e instanceof AccessDeniedException
                ? "permission denied; run the drill as a user who can read the backups"
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new BackupUnreadableException(name + " cannot be read (" + why + ").", e);
    }

    /** Reads a stream to its end, returning how many bytes that was. */
    static long drain(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
        }
        return total;
    }
}
