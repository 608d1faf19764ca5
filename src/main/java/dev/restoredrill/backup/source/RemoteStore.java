package dev.restoredrill.backup.source;

import dev.restoredrill.backup.SourceUnavailableException;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/** One kind of off-host copy (S3, restic): lists it and streams one file; never writes to it. */
interface RemoteStore extends AutoCloseable {

    /** @throws SourceUnavailableException naming the source and what to do */
    List<RemoteFile> list();

    /** The file's bytes, as a stream; closing it must tell whether the source delivered them all. */
    InputStream open(RemoteFile file) throws IOException;

    /** Extra identity learnt while fetching (an S3 version id), else null. */
    default String fetchedIdentity(RemoteFile file) {
        return null;
    }

    String kind();

    String bucket();

    String prefix();

    String snapshotId();

    Instant snapshotTime();

    String noMatchAdvice(String store);

    @Override
    void close();
}
