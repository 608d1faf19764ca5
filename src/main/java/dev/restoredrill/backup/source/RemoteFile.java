package dev.restoredrill.backup.source;

import dev.restoredrill.backup.ListedFile;

import java.time.Instant;

/**
 * A file as a remote source lists it: enough to choose it, to fetch it, and to tell whether a cached copy is
 * still this file.
 *
 * @param name        the file name
 * @param key         S3 object key, or the path inside the restic snapshot
 * @param sizeBytes   the size the source reports
 * @param modified    S3 LastModified, or the mtime restic kept
 * @param identity    what the source says identifies these bytes (S3 ETag; restic snapshot id + path)
 * @param expectedMd5 hex MD5 the bytes must have (a single-part S3 upload's ETag), else null
 */
public record RemoteFile(String name, String key, long sizeBytes, Instant modified, String identity,
        String expectedMd5) {

    ListedFile listed() {
        return new ListedFile(name, modified);
    }
}
