/**
 * The backup stage's sources beyond a local directory: the off-host copies the runbook ships
 * ({@code aws s3 sync /backups s3://…}, {@code restic backup /backups}). {@link
 * dev.restoredrill.backup.source.BackupSources#open} turns {@code -Ddrill.backups} into a
 * {@link dev.restoredrill.backup.BackupLocation}: the catalog lists it, chooses the newest backup per store from the
 * listing, and fetches only the chosen files into a local cache ({@code BackupCache}: hashed while streaming, temp
 * name, renamed when complete and verified), then scans them like local files. A sub-package of {@code backup}
 * rather than a stage of its own: DESIGN.md's backup stage starts at "the source", and what it produces (a local,
 * verified file per store) is only the catalog's input. Sources are only ever read.
 */
package dev.restoredrill.backup.source;
