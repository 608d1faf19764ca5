package dev.restoredrill.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComposeDependenciesTest {

    private static final String COMPOSE = """
            services:
              postgres: {image: postgres:15}
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
              loop-a: {image: x, depends_on: [loop-b]}
              loop-b: {image: x, depends_on: [loop-a]}
            """;

    @Test
    void aServiceNeedsItsDependenciesInEitherFormAndTheirsToo() {
        ComposeDependencies dependencies = ComposeDependencies.of(COMPOSE);

        assertThat(dependencies.needs("librechat")).containsExactlyInAnyOrder("mongodb", "litellm", "postgres");
        assertThat(dependencies.needs("langfuse-web")).containsExactlyInAnyOrder("clickhouse", "postgres");
        assertThat(dependencies.needs("postgres")).isEmpty();
    }

    @Test
    void aCycleOrAnUnknownServiceEndsTheWalk() {
        ComposeDependencies dependencies = ComposeDependencies.of(COMPOSE);

        assertThat(dependencies.needs("loop-a")).containsExactlyInAnyOrder("loop-a", "loop-b");
        assertThat(dependencies.needs("not-a-service")).isEmpty();
        assertThat(ComposeDependencies.of("services: {}\n").needs("postgres")).isEmpty();
    }
}
