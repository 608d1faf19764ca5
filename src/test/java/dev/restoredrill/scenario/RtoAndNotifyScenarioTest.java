package dev.restoredrill.scenario;

import dev.restoredrill.store.StoreType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rto:} per store and for the whole drill, and {@code report.notify_url}, as the loader reads them. */
class RtoAndNotifyScenarioTest {

    @TempDir
    Path dir;

    private final ScenarioLoader loader = new ScenarioLoader(Map.of());

    @Test
    void theQuarterlyDrillHasAnRtoForEachStoreAndForTheWholeDrill() {
        DrillPlan plan = loader.read(Path.of("drill-scenarios/quarterly.yml"));

        assertThat(plan.stores()).extracting(StorePlan::name, StorePlan::rto).containsExactly(
                org.assertj.core.groups.Tuple.tuple("postgres", Optional.of(Duration.ofHours(1))),
                org.assertj.core.groups.Tuple.tuple("mongodb", Optional.of(Duration.ofHours(1))),
                org.assertj.core.groups.Tuple.tuple("clickhouse", Optional.of(Duration.ofHours(2))),
                org.assertj.core.groups.Tuple.tuple("minio", Optional.of(Duration.ofHours(2))));
        assertThat(plan.rto()).contains(Duration.ofHours(4));
        assertThat(plan.report().notifyUrl()).isEmpty();
    }

    @Test
    void withoutRtoNothingIsJudgedAndTheStoreKeepsItsOtherDefaults() throws IOException {
        DrillPlan plan = loader.read(write("plain.yml", """
                name: plain
                stores:
                  - postgres
                  - name: mongodb
                    rto: 90m
                """));

        assertThat(plan.rto()).isEmpty();
        assertThat(plan.stores().get(0)).isEqualTo(StorePlan.defaultsFor(StoreType.POSTGRES));
        assertThat(plan.stores().get(0).rto()).isEmpty();
        assertThat(plan.stores().get(1).rto()).contains(Duration.ofMinutes(90));
    }

    @Test
    void aStoreRtoThatIsNoDurationNamesTheField() throws IOException {
        Path file = write("fast.yml", """
                name: fast
                stores:
                  - name: postgres
                    rto: fast
                """);

        assertThatThrownBy(() -> loader.read(file)).isInstanceOf(ScenarioException.class)
                .hasMessage(file + ":4:10: field 'stores[0].rto': expected a duration like 24h, 7d, 90m, 45s or 1h30m,"
                        + " found 'fast'.");
    }

    @Test
    void aZeroDrillRtoIsRefused() throws IOException {
        Path file = write("zero.yml", """
                name: zero
                rto: 0m
                stores: [postgres]
                """);

        assertThatThrownBy(() -> loader.read(file)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining(":2:6: field 'rto': expected a duration longer than zero, found '0m'");
    }

    @Test
    void aNotificationUrlIsReadAndAnythingElseIsRefused() throws IOException {
        DrillPlan plan = loader.read(write("hook.yml", """
                name: hook
                stores: [postgres]
                report:
                  notify_url: https://hooks.example.org/drill?channel=ops
                """));
        assertThat(plan.report().notifyUrl()).contains("https://hooks.example.org/drill?channel=ops");

        Path bad = write("badhook.yml", """
                name: badhook
                stores: [postgres]
                report:
                  notify_url: ops-channel
                """);
        assertThatThrownBy(() -> loader.read(bad)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining(":4:15: field 'report.notify_url': expected an http(s) URL to POST the drill's"
                        + " summary to");
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }
}
