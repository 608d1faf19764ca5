package dev.restoredrill.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the catalog reads backups from: the runbook's {@code /backups} directory, or an off-host copy (an S3
 * prefix, a restic snapshot; see {@code dev.restoredrill.backup.source}). The catalog chooses each store's
 * newest backup from {@link #list()} and only then asks for the chosen files, so a month of nightly backups is
 * listed, not downloaded. A location is only ever read.
 */
public interface BackupLocation {

    /** The source in words for messages and evidence, credentials masked (a path, {@code s3://b/p}, ...). */
    String describe();

    /**
     * The files the source holds now (not recursively).
     *
     * @throws BackupCatalogException        when a local directory is missing or unreadable (the catalog cannot run)
     * @throws SourceUnavailableException when a remote source cannot be listed: every store is an ERROR
     */
    List<ListedFile> list();

    /** A local, complete, verified copy of a listed file (the file itself for a local directory). */
    Path localCopy(String store, ListedFile file) throws BackupUnreadableException;

    /** The local directory holding the chosen files after {@link #localCopy} (the restores read from there). */
    Path localDirectory();

    /** What the drill read from the source and how (evidence), after the catalog has fetched. */
    SourceRecord record();

    /** Advice added when a store has no matching file, e.g. which snapshot was searched. */
    default String noMatchAdvice(String store) {
        return "Has the backup job for " + store + " ever run, and does it write into this directory?";
    }
}
