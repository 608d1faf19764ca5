package dev.restoredrill.testsupport;

import dev.restoredrill.stack.DrillCredentials;
import dev.restoredrill.stack.ReferenceImages;
import dev.restoredrill.stack.ServiceEndpoint;
import dev.restoredrill.verify.StoreConnections;
import org.awaitility.Awaitility;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The four stores of the reference set, each in a container of its own with a drill's generated credentials, for
 * the tests that query them with their stores' own clients (checks, integrity probes). Started together; stopped
 * (with their anonymous volumes) by {@link #close()}.
 */
public final class ReferenceStores implements AutoCloseable {

    private static final String OWNER_LABEL = "dev.restoredrill.owner";

    private final DrillCredentials credentials = DrillCredentials.generate();
    private final GenericContainer<?> postgres;
    private final GenericContainer<?> clickhouse;
    private final GenericContainer<?> minio;
    private final GenericContainer<?> mongodb;
    private StoreConnections connections;

    /** @param owner labels the containers with the test that owns them */
    public ReferenceStores(String owner) {
        postgres = store(ReferenceImages.POSTGRES, 5432, owner)
                .withEnv("POSTGRES_USER", credentials.postgresUser())
                .withEnv("POSTGRES_PASSWORD", credentials.postgresPassword());
        clickhouse = store(ReferenceImages.CLICKHOUSE, 8123, owner)
                .withEnv("CLICKHOUSE_USER", credentials.clickhouseUser())
                .withEnv("CLICKHOUSE_PASSWORD", credentials.clickhousePassword());
        minio = store(ReferenceImages.MINIO, 9000, owner)
                .withEnv("MINIO_ROOT_USER", credentials.minioUser())
                .withEnv("MINIO_ROOT_PASSWORD", credentials.minioPassword());
        mongodb = store(ReferenceImages.MONGODB, 27017, owner);
    }

    /** Starts the four at once and returns when Postgres answers queries (its port opens before it does). */
    public ReferenceStores start() {
        Startables.deepStart(Stream.of(postgres, clickhouse, minio, mongodb)).join();
        connections = StoreConnections.of(endpoint(postgres, 5432), endpoint(mongodb, 27017),
                endpoint(clickhouse, 8123), endpoint(minio, 9000), credentials);
        Awaitility.await("postgres answers").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> {
                    try (var connection = DriverManager.getConnection(connections.postgres().jdbcUrl("postgres"),
                            credentials.postgresUser(), credentials.postgresPassword())) {
                        return connection.isValid(5);
                    }
                });
        return this;
    }

    public StoreConnections connections() {
        return connections;
    }

    public DrillCredentials credentials() {
        return credentials;
    }

    public GenericContainer<?> postgres() {
        return postgres;
    }

    public GenericContainer<?> clickhouse() {
        return clickhouse;
    }

    public GenericContainer<?> minio() {
        return minio;
    }

    @Override
    public void close() {
        Stream.of(postgres, clickhouse, minio, mongodb).forEach(GenericContainer::stop);
    }

    /**
     * A reference-image store listening on {@code port}, labelled with the test that owns it, not yet started; also
     * for the tests that need one store only.
     */
    public static GenericContainer<?> store(String image, int port, String owner) {
        return new GenericContainer<>(DockerImageName.parse(image))
                .withExposedPorts(port)
                .withLabel(OWNER_LABEL, owner)
                // the port, not the image health check: its 5 s timeout fails on a loaded machine
                .waitingFor(Wait.forListeningPort().withStartupTimeout(Duration.ofMinutes(8)));
    }

    /** Where the test reaches a started container's {@code port}. */
    public static ServiceEndpoint endpoint(GenericContainer<?> container, int port) {
        return new ServiceEndpoint(container.getHost(), container.getMappedPort(port));
    }
}
