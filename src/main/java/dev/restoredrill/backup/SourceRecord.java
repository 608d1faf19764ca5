package dev.restoredrill.backup;

import java.time.Instant;
import java.util.List;

/**
 * Evidence of where the backups were read from (MANIFEST.md, {@code source}).
 *
 * @param kind         {@code directory}, {@code s3} or {@code restic}
 * @param uri          the source as given, credentials masked
 * @param bucket       S3 bucket, else null
 * @param prefix       S3 key prefix (may be empty), else null
 * @param snapshotId   restic snapshot id, else null
 * @param snapshotTime restic snapshot time, else null
 * @param cacheDir     the local directory the fetched files were written to (null for a directory source)
 * @param fetches      one entry per chosen file: what was read, its identity, bytes and time
 * @param bytesFetched bytes downloaded by this drill (a reused cached copy counts 0)
 * @param fault        why the source could not be read at all, else null
 */
public record SourceRecord(String kind, String uri, String bucket, String prefix, String snapshotId,
        Instant snapshotTime, String cacheDir, List<FetchRecord> fetches, long bytesFetched, String fault) {

    public static SourceRecord directory(String path) {
        return new SourceRecord("directory", path, null, null, null, null, null, List.of(), 0, null);
    }
}
