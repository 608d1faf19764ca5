/**
 * The restore stage: one {@link dev.restoredrill.restore.RestoreEngine} per restore method (psql for a
 * pg_dumpall, the mongodump archive through the driver or mongorestore, volume snapshots extracted before their
 * service starts), all run at once by {@link dev.restoredrill.restore.ParallelRestore}, each timed, each failing
 * alone with its {@link dev.restoredrill.outcome.Failure} and log tail.
 */
package dev.restoredrill.restore;
