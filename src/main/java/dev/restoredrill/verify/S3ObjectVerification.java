package dev.restoredrill.verify;

import dev.restoredrill.outcome.SecretMasker;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        MinioClient client = MinioClient.builder().endpoint(s3.endpoint()).credentials(s3.accessKey(), s3.secretKey())
                .build();
        client.setTimeout(TimeUnit.SECONDS.toMillis(10), TimeUnit.MINUTES.toMillis(10), 0);
        long xlMeta = 0;
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
                    present(client, object, findings);
                } else {
                    compare(client, object, tar, entry.getSize(), findings);
                }
            }
        } catch (IOException e) {
            findings.error("the backup " + tarball.getFileName() + " cannot be read (" + e.getMessage()
                    + "); the catalog should have said so: run the pre-flight.");
        } catch (StoreUnreachable e) {
            findings.error(e.getMessage());
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

    private void present(MinioClient client, ObjectRef object, IntegrityFindings findings) {
        if (stat(client, object, findings) != null) {
            findings.add("objects verified", 1);
        }
    }

    private void compare(MinioClient client, ObjectRef object, InputStream backupBytes, long backupSize,
            IntegrityFindings findings) throws IOException {
        StatObjectResponse served = stat(client, object, findings);
        if (served == null) {
            return;
        }
        findings.add("objects verified", 1);
        if (served.size() != backupSize) {
            findings.fail(object.display() + ": the backup holds " + backupSize + " bytes, the restored store serves "
                    + served.size() + " bytes.");
            return;
        }
        Digests backup = Digests.of(backupBytes);
        Digests restored;
        try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(object.bucket()).object(object.key())
                .build())) {
            restored = Digests.of(in);
        } catch (ErrorResponseException e) {
            findings.fail(object.display() + " is listed but cannot be read: " + e.errorResponse().code() + " "
                    + SecretMasker.of(secrets).mask(String.valueOf(e.errorResponse().message())));
            return;
        } catch (GeneralSecurityException | io.minio.errors.MinioException e) {
            throw new StoreUnreachable(unreachable(e));
        }
        findings.add("bytes compared", backup.bytes());
        findings.add("checksums compared", 2);
        if (!backup.sha256().equals(restored.sha256()) || !backup.md5().equals(restored.md5())) {
            findings.fail(object.display() + ": content differs from the backup (sha256 backup " + backup.sha256()
                    + ", served " + restored.sha256() + "; md5 backup " + backup.md5() + ", served " + restored.md5()
                    + ").");
        }
    }

    private StatObjectResponse stat(MinioClient client, ObjectRef object, IntegrityFindings findings) {
        try {
            return client.statObject(StatObjectArgs.builder().bucket(object.bucket()).object(object.key()).build());
        } catch (ErrorResponseException e) {
            String code = e.errorResponse().code();
            if ("NoSuchKey".equals(code) || "NoSuchBucket".equals(code) || "NoSuchObject".equals(code)) {
                findings.add("objects verified", 1);
                findings.fail(object.display() + " is in the backup but the restored store does not serve it ("
                        + code + ").");
                return null;
            }
            throw new StoreUnreachable(unreachable(e));
        } catch (IOException | GeneralSecurityException | io.minio.errors.MinioException e) {
            throw new StoreUnreachable(unreachable(e));
        }
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
