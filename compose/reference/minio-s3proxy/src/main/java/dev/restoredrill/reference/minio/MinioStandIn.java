package dev.restoredrill.reference.minio;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.blobstore.Constants;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The MinIO stand-in's server: S3Proxy's S3 front end and filesystem store, as S3Proxy's own main starts them
 * from the same properties file, with the store's listings paged from one walk ({@link ListingSnapshots}).
 *
 * <p>{@code java dev.restoredrill.reference.minio.MinioStandIn --properties FILE} (the image's {@code minio}
 * script writes FILE: endpoint, credentials, {@code jclouds.provider=filesystem} and its base directory).
 */
public final class MinioStandIn {
    private MinioStandIn() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !"--properties".equals(args[0])) {
            System.err.println("minio (S3Proxy stand-in): expected '--properties FILE'; found " + args.length
                    + " arguments.");
            System.exit(2);
        }
        Properties properties = load(Path.of(args[1]));
        String provider = properties.getProperty(Constants.PROPERTY_PROVIDER);
        var store = new ListingSnapshots(BlobStores.create(provider, properties));
        S3Proxy proxy = S3Proxy.Builder.fromProperties(properties).blobStore(store).build();
        proxy.start();
        // As S3Proxy's main: drain the requests under way on SIGTERM (docker stop).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                proxy.stop();
            } catch (Exception e) {
                System.err.println("minio (S3Proxy stand-in): stopping: " + e.getMessage());
            }
        }, "s3proxy-shutdown"));
    }

    private static Properties load(Path file) throws IOException {
        var properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }
}
