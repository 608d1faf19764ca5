/**
 * The drill's backup stage: the backup catalog.
 *
 * <p>{@link dev.restoredrill.backup.BackupCatalog#scan} takes a directory laid out like the runbook's
 * {@code /backups} and a {@link dev.restoredrill.backup.StoreBackupSpec} per store
 * (each store's from {@link dev.restoredrill.store.StoreType#backupSpec()} or the scenario),
 * picks each store's newest usable backup, reads it in one streaming pass (size, sha256 of the raw bytes,
 * full gzip decompression, the format's facts), checks its age against the RPO, and returns a
 * {@link dev.restoredrill.backup.BackupManifest}: a verdict (PASS, FAIL, ERROR) per store with the reasons.
 * After the drill, {@link dev.restoredrill.backup.BackupCatalog#verifyUnchanged} re-hashes the chosen files.
 *
 * <p>The catalog never writes into the backups directory and never extracts anything; a tarball with
 * hostile entries is flagged ({@code StoreResult.hostile()}) so that the restore stage refuses it.
 * Memory is constant whatever the size of a backup: lines are read through a bounded buffer, tar entries
 * are read through, and every list or map in the facts is capped.
 *
 * <p>The manifest's JSON fields (snake_case, stable) are documented in {@code MANIFEST.md} next to this file.
 * {@link dev.restoredrill.backup.Preflight} runs the stage on its own.
 */
package dev.restoredrill.backup;
