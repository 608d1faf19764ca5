package dev.restoredrill.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code negative_control} in a scenario and {@code -Ddrill.negative-control} on the command line. */
class NegativeControlScenarioTest {

    private static final String NO_CONTROL = """
            name: plain
            stores: [postgres, mongodb]
            """;

    @TempDir
    Path dir;

    @Test
    void offUnlessTheScenarioOrTheOptionAsks() throws IOException {
        assertThat(read(NO_CONTROL, Map.of()).negativeControl()).isEmpty();
        assertThat(read(NO_CONTROL + "negative_control: postgres\n", Map.of()).negativeControl()).contains("postgres");
        assertThat(read(NO_CONTROL, Map.of(DrillPlan.NEGATIVE_CONTROL_PROPERTY, "")).negativeControl())
                .contains("postgres");
        assertThat(read(NO_CONTROL, Map.of(DrillPlan.NEGATIVE_CONTROL_PROPERTY, "true")).negativeControl())
                .contains("postgres");
        assertThat(read(NO_CONTROL + "negative_control: postgres\n", Map.of(DrillPlan.NEGATIVE_CONTROL_PROPERTY,
                "false")).negativeControl()).isEmpty();
    }

    @Test
    void aStoreThatIsNotRestoredOrNotPostgresIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> read(NO_CONTROL + "negative_control: mongodb\n", Map.of()))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("negative_control")
                .hasMessageContaining("other stores are not supported yet. Use 'postgres'.");
        assertThatThrownBy(() -> read(NO_CONTROL + "negative_control: minio\n", Map.of()))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("expected a store the drill restores: one of postgres, mongodb");
        assertThatThrownBy(() -> read("name: m\nstores: [mongodb]\n", Map.of(DrillPlan.NEGATIVE_CONTROL_PROPERTY,
                "true")))
                .hasMessageContaining("-Ddrill.negative-control=true: the drill does not restore 'postgres'");
    }

    private DrillPlan read(String yaml, Map<String, String> overrides) throws IOException {
        Path file = Files.writeString(dir.resolve("s.yml"), yaml);
        return new ScenarioLoader(overrides).read(file);
    }
}
