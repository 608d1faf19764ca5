package dev.restoredrill.verify;

import dev.restoredrill.outcome.SecretMasker;
import dev.restoredrill.stack.DrillCredentials;
import dev.restoredrill.stack.ServiceEndpoint;
import io.minio.MinioClient;
import java.time.Duration;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * How the verify stage reaches the restored stores. {@link #toString()} masks every secret, and
 * {@link #secrets()} lists them for {@link Secrets#mask} so no message or report carries one.
 */
public record StoreConnections(Postgres postgres, Mongo mongo, ClickHouse clickhouse, S3 s3) {

    public StoreConnections {
        Objects.requireNonNull(postgres, "postgres");
        Objects.requireNonNull(mongo, "mongo");
        Objects.requireNonNull(clickhouse, "clickhouse");
        Objects.requireNonNull(s3, "s3");
    }

    /** The drill stack's stores at their compose ports, with the drill's own credentials. */
    public static StoreConnections of(ServiceEndpoint postgres, ServiceEndpoint mongodb, ServiceEndpoint clickhouse,
                                      ServiceEndpoint minio, DrillCredentials credentials) {
        return new StoreConnections(
                new Postgres(postgres.host(), postgres.port(), credentials.postgresUser(),
                        credentials.postgresPassword()),
                new Mongo(mongodb.mongodbUri()),
                new ClickHouse(clickhouse.httpUrl(), credentials.clickhouseUser(), credentials.clickhousePassword()),
                new S3(minio.httpUrl(), credentials.minioUser(), credentials.minioPassword()));
    }

    /** Every secret these connections hold, for masking. */
    public List<String> secrets() {
        return List.of(postgres.password, clickhouse.password, s3.secretKey, mongo.password());
    }

    @Override
    public String toString() {
        return "StoreConnections[" + postgres + ", " + mongo + ", " + clickhouse + ", " + s3 + "]";
    }

    public record Postgres(String host, int port, String user, String password) {
        public Postgres {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        /** The JDBC URL of one database of the restored cluster, e.g. {@code litellm}; no credentials in it. */
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        @Override
        public String toString() {
            return "postgres " + user + ":" + SecretMasker.MASK + "@" + host + ":" + port;
        }
    }

    /** @param connectionString a {@code mongodb://} URI; may carry credentials, which toString masks */
    public record Mongo(String connectionString) {
        public Mongo {
            Objects.requireNonNull(connectionString, "connectionString");
        }

        /** The password inside the connection string, or "" when it has none. */
        String password() {
            int scheme = connectionString.indexOf("://");
            int at = connectionString.indexOf('@');
            if (scheme < 0 || at < scheme) {
                return "";
            }
            String userInfo = connectionString.substring(scheme + 3, at);
            int colon = userInfo.indexOf(':');
            return colon < 0 ? "" : userInfo.substring(colon + 1);
        }

        @Override
        public String toString() {
            return "mongodb " + SecretMasker.of(List.of(password())).mask(connectionString);
        }
    }

    /** @param baseUrl the HTTP interface, e.g. {@code http://localhost:8123} */
    public record ClickHouse(String baseUrl, String user, String password) {
        public ClickHouse {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "clickhouse " + user + ":" + SecretMasker.MASK + "@" + baseUrl;
        }
    }

    /** @param endpoint the S3 API, e.g. {@code http://localhost:9000} */
    public record S3(String endpoint, String accessKey, String secretKey) {
        public S3 {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(accessKey, "accessKey");
            Objects.requireNonNull(secretKey, "secretKey");
        }

        /** A client of this store: 10 s to connect, {@code read} to wait for an answer. {@link #release} it. */
        public MinioClient client(Duration read) {
            MinioClient client = MinioClient.builder().endpoint(endpoint).credentials(accessKey, secretKey).build();
            client.setTimeout(TimeUnit.SECONDS.toMillis(10), read.toMillis(), 0);
            return client;
        }

        /**
         * Ends a client's HTTP threads and pooled connections. Its dispatcher's threads are not daemons and idle a
         * minute before they end: a JVM that made the client would wait that long to exit.
         */
        public static void release(MinioClient client) {
            try {
                client.close();
            } catch (Exception e) {
                // only shuts down an executor and evicts idle connections; nothing to report
            }
        }

        @Override
        public String toString() {
            return "s3 " + accessKey + ":" + SecretMasker.MASK + "@" + endpoint;
        }
    }
}
