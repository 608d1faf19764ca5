package dev.restoredrill.generate;

import dev.restoredrill.stack.ServiceEndpoint;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;

/** Puts Langfuse's objects (events, media) into the source S3 store's {@code langfuse} bucket. */
final class ObjectStoreLoader implements AutoCloseable {
    private final MinioClient client;

    /** Path-style requests (the MinIO client's default for a non-AWS endpoint), as MinIO and S3Proxy expect. */
    ObjectStoreLoader(ServiceEndpoint endpoint, String accessKey, String secretKey) {
        this.client = MinioClient.builder().endpoint(endpoint.httpUrl()).region("us-east-1").credentials(accessKey, secretKey).build();
    }

    void createBucket() {
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(LangfuseData.BUCKET).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(LangfuseData.BUCKET).build());
            }
        } catch (Exception e) {
            throw new GenerateException("Could not create bucket '" + LangfuseData.BUCKET + "' in the source S3 store: " + e.getMessage(), e);
        }
    }

    void put(String key, String contentType, byte[] bytes) {
        try {
            client.putObject(PutObjectArgs.builder().bucket(LangfuseData.BUCKET).object(key).contentType(contentType)
                    .stream(new ByteArrayInputStream(bytes), bytes.length, -1).build());
        } catch (Exception e) {
            throw new GenerateException("Could not put " + key + " into the source S3 store: " + e.getMessage(), e);
        }
    }

    /** Ends the client's HTTP threads: they are not daemons, and would keep the generator's JVM a minute longer. */
    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            // only shuts down an executor and evicts idle connections; nothing to report
        }
    }
}
