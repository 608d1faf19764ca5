/**
 * The mongodump archive format (mongo-tools' common/archive/spec.md), read and written in Java because no
 * mongodump binary can be installed here: {@link dev.restoredrill.mongoarchive.MongoArchiveReader} streams an
 * archive into an {@link dev.restoredrill.mongoarchive.ArchiveVisitor} with every CRC-64 checked;
 * {@link dev.restoredrill.mongoarchive.MongoArchiveWriter} writes one (for generated backups).
 */
package dev.restoredrill.mongoarchive;
