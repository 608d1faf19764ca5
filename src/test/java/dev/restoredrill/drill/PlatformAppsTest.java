package dev.restoredrill.drill;

import dev.restoredrill.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which apps a drill starts after the restores: the quarterly drill as before, a gateway candidate first. */
class PlatformAppsTest {

    private final ScenarioLoader loader = new ScenarioLoader(Map.of("drill.reference", "true"));

    @Test
    void theQuarterlyDrillStartsLangfuseOnly() {
        assertThat(PlatformApps.startedAfterRestore(loader.read(Path.of("drill-scenarios/quarterly.yml"))))
                .containsExactly("redis", "langfuse-worker", "langfuse-web");
    }

    @Test
    void thePostMigrationDrillStartsItsGatewayCandidateFirst() {
        assertThat(PlatformApps.startedAfterRestore(loader.read(Path.of("drill-scenarios/post-migration.yml"))))
                .containsExactly("litellm", "redis", "langfuse-worker", "langfuse-web");
    }
}
