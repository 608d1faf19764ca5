package dev.restoredrill.reference.minio;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.util.function.Function;

/** S3Proxy's S3 front end over a store on a loopback port, and an S3 SDK client of it, for as long as one use. */
final class LoopbackS3 {
    private LoopbackS3() {}

    static <T> T with(BlobStore store, Function<S3Client, T> use) throws Exception {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.NONE, null, null)
                .build();
        proxy.start();
        try (S3Client client = S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + proxy.getPort()))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .build()) {
            return use.apply(client);
        } finally {
            proxy.stop();
        }
    }
}
