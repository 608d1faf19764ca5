package dev.restoredrill.drill;

import dev.restoredrill.stack.ReferenceImages;
import dev.restoredrill.migrations.PinnedMigrations;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceCandidatesTest {

    @Test
    void langfuseAndLiteLlmCandidatesBecomeTheirReleasesStandInAndOthersKeepTheReferenceImage() {
        Map<String, String> reference = ReferenceCandidates.substitute(Map.of(
                "langfuse-web", "langfuse/langfuse:3.120.0",
                "langfuse-worker", "langfuse/langfuse-worker:3.120.0",
                "litellm", "ghcr.io/berriai/litellm:v1.77.7-stable",
                "librechat", "ghcr.io/danny-avila/librechat:v0.8.1",
                "clickhouse", "clickhouse/clickhouse-server:25.3.6.56"), PinnedMigrations.project());
        assertThat(reference).containsOnly(
                Map.entry("langfuse-web", "restore-drill/langfuse-standin:3.120.0"),
                Map.entry("langfuse-worker", "restore-drill/langfuse-standin:3.120.0"),
                Map.entry("litellm", "restore-drill/litellm-standin:v1.77.7-stable"));
    }

    @Test
    void aLiteLlmReleaseWithoutAPinnedListIsRefusedWithTheWayOut() {
        assertThatThrownBy(() -> ReferenceCandidates.substitute(Map.of("litellm",
                "ghcr.io/berriai/litellm:v9.9.9-stable"), PinnedMigrations.project()))
                .hasMessageContaining("no pinned LiteLLM migration list for v9.9.9-stable")
                .hasMessageContaining("-Ddrill.images=official");
    }

    @Test
    void anImageOfTheReferenceSetRunsAsTheScenarioNamesIt() {
        // e.g. a test's deliberately broken service: the reference tiny image in place of clickhouse
        assertThat(ReferenceCandidates.substitute(Map.of("clickhouse", ReferenceImages.TINY),
                PinnedMigrations.project())).containsExactly(Map.entry("clickhouse", ReferenceImages.TINY));
    }

    @Test
    void aLangfuseReleaseWithoutAPinnedListIsRefusedWithTheWayOut() {
        assertThatThrownBy(() -> ReferenceCandidates.substitute(Map.of("langfuse-web", "langfuse/langfuse:3.999.0"),
                PinnedMigrations.project()))
                .hasMessageContaining("no pinned migration list for Langfuse 3.999.0")
                .hasMessageContaining("-Ddrill.images=official");
    }
}
