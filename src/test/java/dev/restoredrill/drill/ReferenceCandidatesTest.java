package dev.restoredrill.drill;

import dev.restoredrill.stack.ReferenceImages;
import dev.restoredrill.migrations.PinnedMigrations;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceCandidatesTest {

    @Test
    void langfuseCandidatesBecomeTheirReleasesStandInAndOthersKeepTheReferenceImage() {
        Map<String, String> reference = ReferenceCandidates.substitute(Map.of(
                "langfuse-web", "langfuse/langfuse:3.120.0",
                "langfuse-worker", "langfuse/langfuse-worker:3.120.0",
                "librechat", "ghcr.io/danny-avila/librechat:v0.8.1",
                "clickhouse", "clickhouse/clickhouse-server:25.3.6.56"), PinnedMigrations.project());
        assertThat(reference).containsOnly(
                Map.entry("langfuse-web", "restore-drill/langfuse-standin:3.120.0"),
                Map.entry("langfuse-worker", "restore-drill/langfuse-standin:3.120.0"));
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
