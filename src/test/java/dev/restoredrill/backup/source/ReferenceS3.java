package dev.restoredrill.backup.source;

import dev.restoredrill.stack.PacedHealthcheckWait;
import dev.restoredrill.stack.ReferenceImages;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The reference S3 image (S3Proxy standing in for MinIO) in a container, with credentials of its own, and an
 * admin client that plays the backup host's {@code aws s3 sync}. The drill's client finds the credentials through
 * the SDK's default chain: the {@code aws.*} system properties, set by {@link #exportCredentials}.
 */
final class ReferenceS3 implements AutoCloseable {
    final String accessKey = "drill" + UUID.randomUUID().toString().substring(0, 8);
    final String secretKey = UUID.randomUUID().toString();
    private final GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(
            ReferenceImages.MINIO))
            .withExposedPorts(9000)
            .withLabel("dev.restoredrill.owner", "offhost-sources-it")
            .withEnv("MINIO_ROOT_USER", accessKey)
            .withEnv("MINIO_ROOT_PASSWORD", secretKey)
            .waitingFor(new PacedHealthcheckWait().withStartupTimeout(Duration.ofMinutes(5)));
    private final Map<String, String> savedProperties = new TreeMap<>();
    private S3Client admin;

    ReferenceS3 start() {
        container.start();
        admin = S3Client.builder().endpointOverride(URI.create(endpoint())).forcePathStyle(true)
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .build();
        return this;
    }

    String endpoint() {
        return "http://" + container.getHost() + ":" + container.getMappedPort(9000);
    }

    String host() {
        return container.getHost();
    }

    int port() {
        return container.getMappedPort(9000);
    }

    void exportCredentials() {
        setProperty("aws.accessKeyId", accessKey);
        setProperty("aws.secretAccessKey", secretKey);
        setProperty("aws.region", "us-east-1");
    }

    void setProperty(String key, String value) {
        savedProperties.putIfAbsent(key, System.getProperty(key));
        System.setProperty(key, value);
    }

    /** As {@code aws s3 sync DIR s3://bucket/prefix} leaves it: every file directly under the prefix. */
    void sync(Path dir, String bucket, String prefix) throws IOException {
        if (!admin.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(bucket))) {
            admin.createBucket(b -> b.bucket(bucket));
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                admin.putObject(b -> b.bucket(bucket).key(prefix + "/" + f.getFileName()), RequestBody.fromFile(f));
            }
        }
    }

    Map<String, String> etags(String bucket) {
        Map<String, String> etags = new TreeMap<>();
        admin.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()
                .forEach(o -> etags.put(o.key(), o.eTag().replace("\"", "")));
        return etags;
    }

    /** Every object of the bucket: key → size, ETag and sha256 of its bytes. */
    Map<String, String> contents(String bucket) throws Exception {
        Map<String, String> contents = new TreeMap<>();
        for (S3Object o : admin.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = admin.getObject(b -> b.bucket(bucket).key(o.key()))) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    sha.update(buffer, 0, n);
                }
            }
            contents.put(o.key(), o.size() + " " + o.eTag() + " " + HexFormat.of().formatHex(sha.digest()));
        }
        return contents;
    }

    @Override
    public void close() {
        savedProperties.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
        if (admin != null) {
            admin.close();
        }
        container.stop();
    }
}
