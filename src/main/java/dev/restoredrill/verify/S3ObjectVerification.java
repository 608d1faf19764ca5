package dev.restoredrill.verify;

import dev.restoredrill.concurrent.DaemonThreads;
import dev.restoredrill.outcome.SecretMasker;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares what the restored S3 store serves with what the backup tarball holds, object by object, in one
 * streaming pass over the tarball (constant memory): each object's size, and its md5 and sha256 where the
 * backup holds the plain bytes (the filesystem layout {@code data/<bucket>/<key>}, as the reference stack's
 * S3Proxy keeps it). MinIO's own layout ({@code data/<bucket>/<key>/xl.meta}) keeps sizes and checksums
 * inside xl.meta: there only the object's presence is checked, and the result says so.
 *
 * <p>A large bucket is sampled: with more objects than {@code maxObjects} a stable subset (by a hash of the
 * key, so a rerun checks the same objects) of about that many is verified, and the result states the sample.
 */
public final class S3ObjectVerification {
    private static final Logger LOG = LoggerFactory.getLogger(S3ObjectVerification.class);
    static final String PROBE = "object sizes and checksums against the backup";
    private static final String ROOT = "data/";
    /** Requests to the store at once: each object costs a round trip, most of it waiting. */
    static final int REQUESTS_AT_ONCE = 8;
    private static final Pattern MINIO_PART = Pattern.compile(".*/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}"
            + "-[0-9a-f]{12}/part\\.\\d+$");

    private final StoreConnections.S3 s3;
    private final List<String> secrets;

    public S3ObjectVerification(StoreConnections.S3 s3, List<String> secrets) {
        this.s3 = s3;
        this.secrets = secrets;
    }

    /**
     * @param tarball         the MinIO volume backup ({@code minio_DATE.tar.gz}), only read
     * @param expectedObjects how many objects the catalog counted in it (sets the sample rate)
     * @param maxObjects      verify all objects up to this many, else a sample of about this many
     */
    public IntegrityResult verify(Path tarball, long expectedObjects, long maxObjects) {
        IntegrityFindings findings = new IntegrityFindings("minio", PROBE)
                .counts("objects in backup", "objects verified", "bytes compared", "checksums compared");
        double rate = expectedObjects <= maxObjects ? 1.0 : (double) maxObjects / expectedObjects;
        if (rate < 1.0) {
            findings.note(String.format(java.util.Locale.ROOT, "sampled: about %d of %d objects (%.2f%%) verified,"
                    + " chosen by a hash of the key so a rerun checks the same ones.", maxObjects, expectedObjects,
                    rate * 100));
        }
        MinioClient client = s3.client(Duration.ofMinutes(10));
        long xlMeta = 0;
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS_AT_ONCE, DaemonThreads.named("s3-verify"));
        // In the tarball's order, at most 2 x REQUESTS_AT_ONCE objects in flight: memory stays flat.
        Deque<Future<ObjectVerdict>> inFlight = new ArrayDeque<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(
                new BufferedInputStream(Files.newInputStream(tarball), 1 << 16), 1 << 16))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                ObjectRef object = objectOf(entry);
                if (object == null) {
                    continue;
                }
                findings.add("objects in backup", 1);
                if (!sampled(object, rate)) {
                    continue;
                }
                if (object.xlMeta()) {
                    xlMeta++;
                    inFlight.add(pool.submit(() -> present(client, object)));
                } else {
                    Digests backup = Digests.of(tar); // the tarball is read on this thread only, in order
                    inFlight.add(pool.submit(() -> compare(client, object, backup)));
                }
                if (inFlight.size() >= 2 * REQUESTS_AT_ONCE) {
                    record(inFlight.poll(), findings);
                }
            }
            while (!inFlight.isEmpty()) {
                record(inFlight.poll(), findings);
            }
        } catch (IOException e) {
            findings.error("the backup " + tarball.getFileName() + " cannot be read (" + e.getMessage()
                    + "); the catalog should have said so: run the pre-flight.");
        } catch (StoreUnreachable e) {
            findings.error(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            findings.error("the verification was interrupted before it finished; it proves nothing.");
        } finally {
            pool.shutdownNow();
            StoreConnections.S3.release(client);
        }
        if (xlMeta > 0) {
            findings.note(xlMeta + " objects are in MinIO's xl.meta layout: their presence was checked, their size"
                    + " and checksum are inside xl.meta and were not compared.");
        }
        LOG.info("s3 verification of {}: {}", tarball.getFileName(), findings.result().lookedAt());
        return findings.result();
    }

    /** @param xlMeta the key is the directory of a MinIO xl.meta file, not a plain file */
    private record ObjectRef(String bucket, String key, boolean xlMeta) {
        String display() {
            return "s3://" + bucket + "/" + key;
        }
    }

    private static ObjectRef objectOf(TarArchiveEntry entry) {
        if (!entry.isFile()) {
            return null;
        }
        String name = entry.getName();
        while (name.startsWith("./") || name.startsWith("/")) {
            name = name.substring(name.startsWith("./") ? 2 : 1);
        }
        if (!name.startsWith(ROOT)) {
            return null;
        }
        String path = name.substring(ROOT.length());
        int slash = path.indexOf('/');
        if (slash <= 0 || path.startsWith(".") || MINIO_PART.matcher(path).matches()) {
            return null; // a file at the volume's top, .minio.sys, or a part of a MinIO object
        }
        String bucket = path.substring(0, slash);
        String key = path.substring(slash + 1);
        if (key.endsWith("/xl.meta")) {
            return new ObjectRef(bucket, key.substring(0, key.length() - "/xl.meta".length()), true);
        }
        return new ObjectRef(bucket, key, false);
    }

    private static boolean sampled(ObjectRef object, double rate) {
        if (rate >= 1.0) {
            return true;
        }
        int hash = (object.bucket() + "/" + object.key()).hashCode() & 0x7fffffff;
        return hash % 1_000_000 < rate * 1_000_000;
    }

    /** What one object's requests found; applied to the findings on the reading thread, in the tarball's order. */
    private record ObjectVerdict(long bytesCompared, int checksumsCompared, String failure) {
        static ObjectVerdict failed(String failure) {
            return new ObjectVerdict(0, 0, failure);
        }
    }

    private static void record(Future<ObjectVerdict> pending, IntegrityFindings findings) throws InterruptedException {
        ObjectVerdict verdict;
        try {
            verdict = pending.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreUnreachable unreachable) {
                throw unreachable;
            }
            throw new IllegalStateException(e.getCause());
        }
        findings.add("objects verified", 1);
        findings.add("bytes compared", verdict.bytesCompared());
        findings.add("checksums compared", verdict.checksumsCompared());
        if (verdict.failure() != null) {
            findings.fail(verdict.failure());
        }
    }

    /** One GET per object: its bytes give the size and both checksums (a HEAD first would double the requests). */
    private ObjectVerdict compare(MinioClient client, ObjectRef object, Digests backup) {
        Digests restored;
        try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(object.bucket()).object(object.key())
                .build())) {
            restored = Digests.of(in);
        } catch (ErrorResponseException e) {
            return ObjectVerdict.failed(notServed(object, e));
        } catch (IOException | GeneralSecurityException | io.minio.errors.MinioException e) {
            throw new StoreUnreachable(unreachable(e));
        }
        if (restored.bytes() != backup.bytes()) {
            return ObjectVerdict.failed(object.display() + ": the backup holds " + backup.bytes() + " bytes, the "
                    + "restored store serves " + restored.bytes() + " bytes.");
        }
        if (!backup.sha256().equals(restored.sha256()) || !backup.md5().equals(restored.md5())) {
            return new ObjectVerdict(backup.bytes(), 2, object.display() + ": content differs from the backup (sha256 "
                    + "backup " + backup.sha256() + ", served " + restored.sha256() + "; md5 backup " + backup.md5()
                    + ", served " + restored.md5() + ").");
        }
        return new ObjectVerdict(backup.bytes(), 2, null);
    }

    private ObjectVerdict present(MinioClient client, ObjectRef object) {
        try {
            client.statObject(StatObjectArgs.builder().bucket(object.bucket()).object(object.key()).build());
            return new ObjectVerdict(0, 0, null);
        } catch (ErrorResponseException e) {
            return ObjectVerdict.failed(notServed(object, e));
        } catch (IOException | GeneralSecurityException | io.minio.errors.MinioException e) {
            throw new StoreUnreachable(unreachable(e));
        }
    }

    /** A missing object is a finding; any other refusal (credentials, a server error) means the store is not usable. */
    private String notServed(ObjectRef object, ErrorResponseException e) {
        String code = e.errorResponse().code();
        if ("NoSuchKey".equals(code) || "NoSuchBucket".equals(code) || "NoSuchObject".equals(code)) {
            return object.display() + " is in the backup but the restored store does not serve it (" + code + ").";
        }
        throw new StoreUnreachable(unreachable(e));
    }

    private String unreachable(Exception e) {
        return "the S3 store at " + s3.endpoint() + " could not be asked (" + SecretMasker.of(secrets).mask(String.valueOf(
                e.getMessage())) + "). Check that the restored minio service is running and healthy.";
    }

    private static final class StoreUnreachable extends RuntimeException {
        StoreUnreachable(String message) {
            super(message);
        }
    }

    private record Digests(long bytes, String md5, String sha256) {
        static Digests of(InputStream in) throws IOException {
            MessageDigest md5 = digest("MD5");
            MessageDigest sha256 = digest("SHA-256");
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                md5.update(buffer, 0, n);
                sha256.update(buffer, 0, n);
                total += n;
            }
            return new Digests(total, HexFormat.of().formatHex(md5.digest()), HexFormat.of().formatHex(sha256.digest()));
        }

        private static MessageDigest digest(String algorithm) {
            try {
                return MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has " + algorithm, e);
            }
        }
    }
}
