package dev.restoredrill.restore;

import dev.restoredrill.generate.BackupFile;
import dev.restoredrill.generate.BackupSet;
import dev.restoredrill.generate.DrillSecrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * A drill's private copy of the generated backup set: the drill only ever reads its backups, but these tests
 * corrupt files on purpose, so each works on its own copy (mtimes kept: the catalog dates backups by them).
 */
final class BackupCopy {

    private BackupCopy() {
    }

    /** Copies the credentials file and every backup of the given stores into {@code target}. */
    static Path of(BackupSet set, Path target, List<String> stores) {
        try {
            Files.createDirectories(target);
            Files.copy(set.credentialsFile(), target.resolve(DrillSecrets.FILE_NAME),
                    StandardCopyOption.COPY_ATTRIBUTES);
            for (BackupFile file : set.files()) {
                if (stores.contains(file.store())) {
                    Files.copy(file.path(), target.resolve(file.path().getFileName()),
                            StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the generated backup set to " + target, e);
        }
    }

    /** Replaces a file by what {@code rewrite} writes, keeping its modification time. */
    static void rewrite(Path file, Rewrite rewrite) throws IOException {
        FileTime mtime = Files.getLastModifiedTime(file);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        rewrite.apply(file, temp);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(file, mtime);
    }

    interface Rewrite {
        void apply(Path source, Path target) throws IOException;
    }
}
