package dev.restoredrill.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code isolation.allow_egress}: fully isolated unless the scenario names destinations, each as host:port. */
class IsolationScenarioTest {

    @TempDir
    Path dir;

    private final ScenarioLoader loader = new ScenarioLoader(Map.of());

    @Test
    void theShippedScenariosAreFullyIsolated() {
        assertThat(loader.read(Path.of("drill-scenarios/quarterly.yml")).isolation().isolated()).isTrue();
    }

    @Test
    void namedDestinationsAreAllowedAndKeptInOrder() throws IOException {
        DrillPlan plan = loader.read(write("provider.yml", """
                name: with-provider
                stores: [postgres]
                isolation:
                  allow_egress:
                    - api.openai.com:443
                    - Mail.Example.org:587
                """));

        assertThat(plan.isolation().isolated()).isFalse();
        assertThat(plan.isolation().allowEgress()).extracting(IsolationPlan.Destination::toString)
                .containsExactly("api.openai.com:443", "mail.example.org:587");
    }

    @Test
    void aDestinationWithoutAPortIsRefusedNamingTheFieldAndWhatIsExpected() throws IOException {
        Path file = write("bad.yml", """
                name: bad
                stores: [postgres]
                isolation:
                  allow_egress:
                    - api.openai.com
                """);

        assertThatThrownBy(() -> loader.read(file)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("isolation.allow_egress")
                .hasMessageContaining("host:port")
                .hasMessageContaining("'api.openai.com'");
    }

    @Test
    void anUnknownIsolationFieldIsRefused() throws IOException {
        Path file = write("typo.yml", """
                name: typo
                stores: [postgres]
                isolation:
                  allow-egress: [api.openai.com:443]
                """);

        assertThatThrownBy(() -> loader.read(file)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("allow-egress");
    }

    @Test
    void portsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> IsolationPlan.Destination.parse("host:70000"))
                .hasMessageContaining("1 to 65535").hasMessageContaining("host:70000");
        assertThatThrownBy(() -> IsolationPlan.Destination.parse("http://host:443"))
                .hasMessageContaining("host:port");
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }
}
