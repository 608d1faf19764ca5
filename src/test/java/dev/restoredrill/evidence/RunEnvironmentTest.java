package dev.restoredrill.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RunEnvironmentTest {

    @Test
    void environmentPropertiesReadBackExactlyAsAllureLoadsThem() throws Exception {
        RunEnvironment env = new RunEnvironment("0.1.0", "a23af13b", "drill host", "20.10.24+dfsg1",
                Map.of("restore-drill/postgres:15", "sha256:0123 registry/x@sha256:ab=cd", "chat:é", "id#1!"));
        Properties read = new Properties();
        read.load(new StringReader(env.toPropertiesText()));

        assertThat(read).containsOnly(Map.entry("harness.version", "0.1.0"), Map.entry("git.commit", "a23af13b"),
                Map.entry("host", "drill host"), Map.entry("docker.server.version", "20.10.24+dfsg1"),
                Map.entry("image.chat:é", "id#1!"),
                Map.entry("image.restore-drill/postgres:15", "sha256:0123 registry/x@sha256:ab=cd"));
    }

    @Test
    void missingFactsAreSaidToBeUnknown() {
        assertThat(new RunEnvironment(null, " ", "h", null, null).asProperties())
                .containsEntry("harness.version", "unknown").containsEntry("git.commit", "unknown")
                .containsEntry("docker.server.version", "unknown");
    }
}
