/**
 * Reference platform data and the runbook's backups of it, generated.
 *
 * <p>{@link dev.restoredrill.generate.Dataset} makes the platform's data from a
 * {@link dev.restoredrill.generate.DatasetSpec} (seed, "as of" day, size): LibreChat's MongoDB
 * collections, LiteLLM's and Langfuse's Postgres tables, Langfuse's ClickHouse tables and S3 objects.
 * Same seed, same day, same credentials: same content, item for item ({@link dev.restoredrill.generate.DatasetDigest}).
 * Nothing is held whole in memory; any size streams.
 *
 * <p>{@link dev.restoredrill.generate.BackupSetGenerator} loads it into a running
 * {@link dev.restoredrill.generate.SourceStack} night by night and takes the runbook's backups:
 * {@code pg_DATE.sql.gz} (pg_dumpall in the container, gzipped), {@code mongo_DATE.gz} (the mongodump
 * archive format, written with {@code dev.restoredrill.mongoarchive}, since the reference mongod
 * stand-in has no mongodump), and weekly {@code clickhouse_DATE.tar.gz} / {@code minio_DATE.tar.gz}
 * volume tarballs taken with the service stopped. Night N's backups hold what arrived before
 * 02:00 UTC that night; older nights hold a prefix of newer ones.
 *
 * <p>{@link dev.restoredrill.generate.DemoBackups} is the command line; the test fixture
 * {@code GeneratedBackups.small()} makes a small set once per JVM.
 */
package dev.restoredrill.generate;
