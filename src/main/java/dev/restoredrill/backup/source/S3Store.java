package dev.restoredrill.backup.source;

import dev.restoredrill.backup.SourceUnavailableException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * An S3 prefix as {@code aws s3 sync /backups s3://bucket/prefix} leaves it: the objects directly under the
 * prefix. AWS SDK v2 with its default credential and region chains (AWS_* variables, profiles, roles) and its
 * own reading of AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_S3 / {@code aws.endpointUrl} (AwsClientEndpointProvider);
 * {@code -Ddrill.s3.endpoint} overrides the endpoint. Path-style addressing is on with a custom endpoint (MinIO,
 * S3Proxy, most S3-compatible services) unless {@code -Ddrill.s3.path-style=false}. Only GET and LIST calls.
 */
final class S3Store implements RemoteStore {
    private static final Pattern PLAIN_MD5_ETAG = Pattern.compile("[0-9a-fA-F]{32}");

    private final SourceUri uri;
    private final String endpoint;
    private final S3Client s3;
    private final Map<String, String> versions = new ConcurrentHashMap<>();

    S3Store(SourceUri uri, SourceSettings settings) {
        this.uri = uri;
        Optional<String> custom = settings.s3Endpoint().or(S3Store::configuredEndpoint);
        this.endpoint = custom.orElse("AWS S3");
        boolean pathStyle = settings.s3PathStyle().orElse(custom.isPresent());
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10)).socketTimeout(Duration.ofSeconds(60)))
                .region(region())
                .forcePathStyle(pathStyle);
        settings.s3Endpoint().ifPresent(e -> builder.endpointOverride(URI.create(e)));
        if (custom.isEmpty()) {
            builder.crossRegionAccessEnabled(true); // a bucket in another region than the default one
        }
        this.s3 = builder.build();
    }

    /** The endpoint the SDK itself will use, when the environment sets one. */
    private static Optional<String> configuredEndpoint() {
        for (String name : List.of("AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL")) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value);
            }
        }
        return Optional.ofNullable(System.getProperty("aws.endpointUrl")).filter(v -> !v.isBlank());
    }

    /** The default chain's region; S3-compatible services mostly ignore it, so us-east-1 when none is set. */
    private static Region region() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException none) {
            return Region.US_EAST_1;
        }
    }

    private String where() {
        return uri.masked() + (endpoint.equals("AWS S3") ? "" : " (endpoint " + endpoint + ")");
    }

    private String listPrefix() {
        return uri.prefix().isEmpty() ? "" : uri.prefix() + "/";
    }

    @Override
    public List<RemoteFile> list() {
        List<RemoteFile> files = new ArrayList<>();
        try {
            ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(uri.bucket()).prefix(listPrefix())
                    .delimiter("/").build();
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(request)) {
                for (S3Object o : page.contents()) {
                    String name = o.key().substring(listPrefix().length());
                    if (name.isEmpty()) {
                        continue; // a "folder" marker object
                    }
                    String etag = o.eTag() == null ? "" : o.eTag().replace("\"", "");
                    files.add(new RemoteFile(name, o.key(), o.size(), o.lastModified(), "etag=" + etag,
                            PLAIN_MD5_ETAG.matcher(etag).matches() ? etag : null));
                }
            }
        } catch (NoSuchBucketException e) {
            throw new SourceUnavailableException("the bucket '" + uri.bucket() + "' does not exist at " + where()
                    + ": check the bucket name in -Ddrill.backups and that AWS_ENDPOINT_URL/-Ddrill.s3.endpoint and"
                    + " the region point at the service the backups are synced to.", e);
        } catch (S3Exception e) {
            throw new SourceUnavailableException(refused(e), e);
        } catch (SdkClientException e) {
            throw new SourceUnavailableException(unreachable(e), e);
        }
        if (files.isEmpty()) {
            throw new SourceUnavailableException("no objects under " + uri.masked() + " at " + where()
                    + (uri.prefix().isEmpty() ? "" : ": the prefix '" + listPrefix() + "' is empty or missing"
                    + otherPrefixes()) + ". Check the prefix the backup host syncs to (aws s3 sync /backups"
                    + " s3://...), or whether the sync has ever run.");
        }
        return files;
    }

    /** The prefixes next to a missing one, so a typo shows at once. */
    private String otherPrefixes() {
        try {
            String parent = uri.prefix().contains("/") ? uri.prefix().substring(0, uri.prefix().lastIndexOf('/') + 1)
                    : "";
            List<String> near = s3.listObjectsV2(b -> b.bucket(uri.bucket()).prefix(parent).delimiter("/").maxKeys(10))
                    .commonPrefixes().stream().map(CommonPrefix::prefix).toList();
            return near.isEmpty() ? " (the bucket holds no prefixes there)" : " (prefixes there: "
                    + String.join(", ", near) + ")";
        } catch (SdkException e) {
            return "";
        }
    }

    private String refused(S3Exception e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        if (e.statusCode() == 403 || "InvalidAccessKeyId".equals(code) || "SignatureDoesNotMatch".equals(code)) {
            return "S3 refused the credentials for " + where() + " (HTTP " + e.statusCode() + " " + code + "):"
                    + " check AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE; the drill needs s3:ListBucket"
                    + " and s3:GetObject on " + uri.bucket() + ".";
        }
        if (e.statusCode() == 301 || "PermanentRedirect".equals(code)) {
            return "the bucket '" + uri.bucket() + "' is in another region than the one configured: set AWS_REGION"
                    + " to the bucket's region.";
        }
        return "S3 answered HTTP " + e.statusCode() + " " + code + " for " + where() + ": "
                + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage()) + ".";
    }

    private String unreachable(SdkClientException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Unable to load credentials")) {
            return "no AWS credentials for " + where() + ": set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or"
                    + " AWS_PROFILE, or run the drill where a role provides them.";
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "cannot reach " + where() + " (" + root.getClass().getSimpleName() + ": " + root.getMessage()
                + "): check AWS_ENDPOINT_URL/-Ddrill.s3.endpoint, DNS and the firewall between the drill runner and"
                + " the storage.";
    }

    @Override
    public InputStream open(RemoteFile file) throws IOException {
        try {
            // If-Match: an object replaced since the listing is refused rather than mixed into the evidence.
            var response = s3.getObject(GetObjectRequest.builder().bucket(uri.bucket()).key(file.key())
                    .ifMatch(file.identity().substring("etag=".length())).build());
            GetObjectResponse meta = response.response();
            if (meta.versionId() != null && !"null".equals(meta.versionId())) {
                versions.put(file.key(), meta.versionId());
            }
            return new FilterInputStream(response) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        return super.read(b, off, len);
                    } catch (SdkException cut) {
                        throw new IOException(cut.getMessage(), cut);
                    }
                }
            };
        } catch (S3Exception e) {
            throw new IOException(e.statusCode() == 412 ? file.key() + " changed in the bucket since it was listed"
                    : e.statusCode() == 404 ? file.key() + " vanished from the bucket since it was listed"
                    : refused(e), e);
        } catch (SdkClientException e) {
            throw new IOException(unreachable(e), e);
        }
    }

    @Override
    public String fetchedIdentity(RemoteFile file) {
        String version = versions.get(file.key());
        return version == null ? null : "version=" + version;
    }

    @Override
    public String kind() {
        return "s3";
    }

    @Override
    public String bucket() {
        return uri.bucket();
    }

    @Override
    public String prefix() {
        return uri.prefix();
    }

    @Override
    public String snapshotId() {
        return null;
    }

    @Override
    public Instant snapshotTime() {
        return null;
    }

    @Override
    public String noMatchAdvice(String store) {
        return "Does the backup host's `aws s3 sync /backups " + uri.masked() + "` run after the " + store
                + " backup job, and into this prefix?";
    }

    @Override
    public void close() {
        s3.close();
    }
}
