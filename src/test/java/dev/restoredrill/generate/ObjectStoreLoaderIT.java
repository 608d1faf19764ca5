package dev.restoredrill.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restoredrill.stack.PacedHealthcheckWait;
import dev.restoredrill.stack.ReferenceImages;
import dev.restoredrill.stack.ServiceEndpoint;
import dev.restoredrill.testsupport.RequiresDocker;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/** The generator's signed PUTs against the MinIO stand-in: what the store keeps, and what a refusal says. */
@RequiresDocker
class ObjectStoreLoaderIT {
    private static final String USER = "generator";
    private static final String SECRET = UUID.randomUUID().toString();
    private static final GenericContainer<?> S3 = new GenericContainer<>(DockerImageName.parse(ReferenceImages.MINIO))
            .withExposedPorts(9000)
            .withLabel("dev.restoredrill.owner", "object-store-loader-it")
            .withEnv("MINIO_ROOT_USER", USER)
            .withEnv("MINIO_ROOT_PASSWORD", SECRET)
            .waitingFor(new PacedHealthcheckWait().withStartupTimeout(Duration.ofMinutes(5)));

    @BeforeAll
    static void start() {
        S3.start();
    }

    @AfterAll
    static void stop() {
        S3.stop();
    }

    private static ServiceEndpoint endpoint() {
        return new ServiceEndpoint(S3.getHost(), S3.getMappedPort(9000));
    }

    @Test
    void putObjectsReadBackWithTheirBytesAndContentType() throws Exception {
        // A key as Langfuse writes them, and one with characters that must be escaped in the signed path.
        String event = "events/project-1/trace/t-1/obs 1+ä.json";
        byte[] json = "{\"id\":\"t-1\",\"body\":\"ünïcödé\"}".getBytes(StandardCharsets.UTF_8);
        byte[] media = new byte[300_000];
        new Random(7).nextBytes(media);
        try (ObjectStoreLoader store = new ObjectStoreLoader(endpoint(), USER, SECRET)) {
            store.createBucket();
            store.put(event, "application/json", json);
            store.put("media/project-1/m-1.png", "image/png", media);
        }
        try (MinioClient reader = MinioClient.builder().endpoint(endpoint().httpUrl()).region("us-east-1").credentials(USER, SECRET).build()) {
            try (GetObjectResponse got = reader.getObject(GetObjectArgs.builder().bucket(LangfuseData.BUCKET).object(event).build())) {
                assertThat(got.readAllBytes()).isEqualTo(json);
            }
            assertThat(reader.statObject(StatObjectArgs.builder().bucket(LangfuseData.BUCKET).object(event).build()).contentType())
                    .isEqualTo("application/json");
            try (GetObjectResponse got = reader.getObject(GetObjectArgs.builder().bucket(LangfuseData.BUCKET).object("media/project-1/m-1.png").build())) {
                assertThat(got.readAllBytes()).isEqualTo(media);
            }
        }
    }

    @Test
    void aRefusedPutSaysWhatTheStoreAnsweredAndNeverTheSecret() {
        String wrongSecret = "wrong-" + UUID.randomUUID();
        try (ObjectStoreLoader store = new ObjectStoreLoader(endpoint(), USER, wrongSecret)) {
            assertThatThrownBy(() -> store.put("events/x.json", "application/json", new byte[] {'{', '}'}))
                    .isInstanceOf(GenerateException.class)
                    .hasMessageContaining("refused to put events/x.json: HTTP 403")
                    .hasMessageContaining("docker logs")
                    .hasMessageNotContaining(wrongSecret)
                    .hasMessageNotContaining(SECRET);
        }
    }
}
