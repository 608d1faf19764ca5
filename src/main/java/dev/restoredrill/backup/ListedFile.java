package dev.restoredrill.backup;

import java.time.Instant;

/**
 * A file as a backup source lists it, before anything is read: what the catalog needs to choose a store's
 * newest backup, so only the chosen files are ever fetched.
 *
 * @param name     the file name (no directory), as the runbook's backup job wrote it
 * @param modified its mtime (S3: LastModified; restic: the mtime kept in the snapshot), or null when unknown
 */
public record ListedFile(String name, Instant modified) {}
