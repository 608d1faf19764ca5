package dev.restoredrill.backup;

import java.time.Duration;

/**
 * One chosen file as the drill fetched it from a remote source.
 *
 * @param store        the store it is the backup of
 * @param fileName     its name
 * @param key          S3 object key, or the file's path inside the restic snapshot
 * @param identity     what makes this copy this copy: S3 {@code etag=...[,version=...][,sha256=...]}; restic
 *                     {@code snapshot=<id>,path=<path>} (snapshots are content-addressed, so immutable)
 * @param sizeBytes    the size the source lists
 * @param sha256       sha256 of the bytes fetched (or of the reused cached copy), null if it failed
 * @param bytesFetched bytes downloaded now (0 when a cached copy was reused)
 * @param took         time the fetch (or the cache check) took
 * @param fromCache    a cached copy from an earlier run was reused: same size, identity and sha256
 * @param error        why the fetch failed (a cut download, a vanished file), else null
 */
public record FetchRecord(String store, String fileName, String key, String identity, long sizeBytes,
        String sha256, long bytesFetched, Duration took, boolean fromCache, String error) {}
