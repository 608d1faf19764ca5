package dev.restoredrill.generate;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One generated backup file and what the source held when it was taken.
 *
 * @param store {@link SourceStack#POSTGRES}, {@link SourceStack#MONGODB}, {@link SourceStack#CLICKHOUSE} or {@link SourceStack#MINIO}
 */
public record BackupFile(Path path, String store, LocalDate day, long bytes, StoreContents contents) {
}
