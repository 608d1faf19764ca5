package dev.restoredrill.generate;

import dev.restoredrill.stack.ServiceEndpoint;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;

/** Puts Langfuse's objects (events, media) into the source S3 store's {@code langfuse} bucket. */
final class ObjectStoreLoader implements AutoCloseable {
    private final MinioClient client;

    /**
     * Path-style requests (the MinIO client's default for a non-AWS endpoint), as MinIO and S3Proxy expect. The
     * source store speaks plain HTTP, and the HTTP client is told so: the MinIO client builds a new OkHttp client
     * for every PUT of a stream, and one that may speak TLS compares the JVM's whole trust store each time (a tenth
     * of the generator's samples in a profile; 2.4 of 73 s of its CPU time on a 300 MB set).
     */
    ObjectStoreLoader(ServiceEndpoint endpoint, String accessKey, String secretKey) {
        OkHttpClient http = new OkHttpClient.Builder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
                .connectTimeout(Duration.ofMinutes(5)).readTimeout(Duration.ofMinutes(5)).writeTimeout(Duration.ofMinutes(5))
                .build(); // the MinIO client's own default: 5 minutes each
        this.client = MinioClient.builder().endpoint(endpoint.httpUrl()).region("us-east-1").credentials(accessKey, secretKey)
                .httpClient(http, true).build();
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
