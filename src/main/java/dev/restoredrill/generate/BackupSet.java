package dev.restoredrill.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A directory laid out like the runbook's {@code /backups}, with the drill's credentials file beside the backups. */
public record BackupSet(Path directory, Path credentialsFile, DrillSecrets credentials, List<BackupFile> files) {
    public BackupSet {
        files = List.copyOf(files);
    }

    public List<BackupFile> of(String store) {
        return files.stream().filter(f -> f.store().equals(store)).toList();
    }

    /** The newest backup of a store, as the drill would pick it. */
    public Optional<BackupFile> newest(String store) {
        return of(store).stream().max(Comparator.comparing(BackupFile::day));
    }

    public Optional<BackupFile> file(String store, LocalDate day) {
        return of(store).stream().filter(f -> f.day().equals(day)).findFirst();
    }

    public long totalBytes() {
        return files.stream().mapToLong(BackupFile::bytes).sum();
    }
}
