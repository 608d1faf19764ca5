package dev.restoredrill.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RenderedComposeTest {

    private static final Path FILE = Path.of("compose.drill.yml");
    private static final String COMPOSE = """
            services:
              postgres: {image: postgres:15, volumes: [postgres-data:/var/lib/postgresql/data]}
              mongodb: {image: mongo:7}
              clickhouse: {image: clickhouse/clickhouse-server:24.8}
              litellm:
                image: ghcr.io/berriai/litellm:v1.74.9-stable
                depends_on:
                  postgres: {condition: service_healthy}
              librechat:
                image: ghcr.io/danny-avila/librechat:v0.8.0
                depends_on: [mongodb, litellm]
              langfuse-web:
                image: langfuse/langfuse:3
                depends_on:
                  clickhouse: {condition: service_healthy}
                  postgres: {condition: service_healthy}
              built: {build: ./app}
              loop-a: {image: x, depends_on: [loop-b]}
              loop-b: {image: x, depends_on: [loop-a]}
            volumes:
              postgres-data:
              librechat-config: {}
            """;

    @Test
    void aServiceNeedsItsDependenciesInEitherFormAndTheirsToo() {
        RenderedCompose compose = RenderedCompose.of(FILE, COMPOSE);

        assertThat(compose.needs("librechat")).containsExactlyInAnyOrder("mongodb", "litellm", "postgres");
        assertThat(compose.needs("langfuse-web")).containsExactlyInAnyOrder("clickhouse", "postgres");
        assertThat(compose.needs("postgres")).isEmpty();
    }

    @Test
    void aCycleOrAnUnknownServiceEndsTheWalk() {
        RenderedCompose compose = RenderedCompose.of(FILE, COMPOSE);

        assertThat(compose.needs("loop-a")).containsExactlyInAnyOrder("loop-a", "loop-b");
        assertThat(compose.needs("not-a-service")).isEmpty();
        assertThat(RenderedCompose.of(FILE, "services: {}\n").needs("postgres")).isEmpty();
    }

    @Test
    void readsEachServicesImageAndTheNamedVolumes() {
        RenderedCompose compose = RenderedCompose.of(FILE, COMPOSE);

        assertThat(compose.image("librechat")).isEqualTo("ghcr.io/danny-avila/librechat:v0.8.0");
        assertThat(compose.volumes()).containsExactlyInAnyOrder("postgres-data", "librechat-config");
        assertThat(RenderedCompose.of(FILE, "services: {}\n").volumes()).isEmpty();
    }

    @Test
    void aServiceWithoutAnImageOrNotInTheFileIsNamedInTheError() {
        RenderedCompose compose = RenderedCompose.of(FILE, COMPOSE);

        assertThatThrownBy(() -> compose.image("built"))
                .hasMessageContaining("service built has no image in the drill's compose file compose.drill.yml");
        assertThatThrownBy(() -> compose.image("minio"))
                .hasMessageContaining("no service minio in the drill's compose file compose.drill.yml")
                .hasMessageContaining("librechat");
    }
}
