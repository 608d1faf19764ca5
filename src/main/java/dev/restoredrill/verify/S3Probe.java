package dev.restoredrill.verify;

import dev.restoredrill.outcome.SecretMasker;
import dev.restoredrill.scenario.S3Check;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an {@link S3Check}: lists the objects under the prefix (recursively, page by page, so memory stays
 * constant) and reports both their number and the newest one, whichever the expectation compares.
 */
final class S3Probe {
    private static final Logger LOG = LoggerFactory.getLogger(S3Probe.class);
    /** A progress line per this many objects: a big bucket takes minutes to list (the S3Proxy stand-in's far more). */
    private static final long PROGRESS_EVERY = 20_000;

    private final StoreConnections.S3 s3;
    private final List<String> secrets;

    S3Probe(StoreConnections.S3 s3, List<String> secrets) {
        this.s3 = s3;
        this.secrets = secrets;
    }

    static String describe(S3Check check) {
        return "listObjects s3://" + check.bucket() + "/" + check.prefix() + " (recursive)";
    }

    Measurement measure(S3Check check) {
        MinioClient client = s3.client(Duration.ofSeconds(120));
        long count = 0;
        String newestKey = null;
        Instant newestAt = null;
        try {
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder().bucket(check.bucket())
                    .prefix(check.prefix()).recursive(true).build())) {
                Item item = result.get();
                if (item.isDir()) {
                    continue;
                }
                count++;
                if (count % PROGRESS_EVERY == 0) {
                    LOG.info("{}: {} objects listed so far", describe(check), count);
                }
                Instant modified = item.lastModified() == null ? null : item.lastModified().toInstant();
                if (modified != null && (newestAt == null || modified.isAfter(newestAt))) {
                    newestAt = modified;
                    newestKey = item.objectName();
                }
            }
        } catch (ErrorResponseException e) {
            throw explain(check, e.errorResponse().code(), e.errorResponse().message(), e);
        } catch (IOException e) {
            throw new StoreAccessException("Could not reach the S3 store at " + s3.endpoint() + " ("
                    + SecretMasker.of(secrets).mask(String.valueOf(e.getMessage()))
                    + "). Check that the restored minio service is running and healthy.", e);
        } catch (Exception e) {
            throw new StoreAccessException("The S3 store at " + s3.endpoint() + " failed to list s3://"
                    + check.bucket() + "/" + check.prefix() + ": " + SecretMasker.of(secrets).mask(e.toString())
                    + ". Check the minio service's logs.", e);
        } finally {
            StoreConnections.S3.release(client);
        }
        String objects = count + (count == 1 ? " object" : " objects");
        if (newestAt == null) {
            return new Measurement(objects, OptionalLong.of(count), Optional.empty(), true);
        }
        return new Measurement(objects + ", newest " + newestKey + " at " + newestAt, OptionalLong.of(count),
                Optional.of(newestAt), false);
    }

    private StoreAccessException explain(S3Check check, String code, String message, Exception cause) {
        String text = SecretMasker.of(secrets).mask(code + ": " + message);
        if ("NoSuchBucket".equals(code)) {
            return new StoreAccessException("The restored S3 store has no bucket '" + check.bucket() + "' (" + text
                    + "). Check that the minio volume snapshot was extracted and holds the bucket.", cause);
        }
        if ("AccessDenied".equals(code) || "InvalidAccessKeyId".equals(code)
                || "SignatureDoesNotMatch".equals(code)) {
            return new StoreAccessException("The S3 store refused the drill's credentials (" + text
                    + "). Check that the stack was started with the drill's MinIO credentials.", cause);
        }
        return new StoreAccessException("The S3 store refused to list s3://" + check.bucket() + "/" + check.prefix()
                + " (" + text + "). Check the minio service's logs.", cause);
    }
}
