package dev.restoredrill.stack;

import dev.restoredrill.testsupport.RequiresDocker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drill's LibreChat gets the platform's librechat.yaml without a bind mount: compose/drill.override.yml mounts
 * the volume librechat-config and sets CONFIG_PATH; the harness writes the file into that volume before the service
 * starts ({@link ConfigVolume}). Read back from the volume as the container mounts it, byte for byte.
 */
@RequiresDocker
class LibreChatConfigVolumeIT {

    @TempDir
    Path temp;

    @Test
    void librechatYamlArrivesThroughAVolumeAndNoContainerHasABindMount() throws Exception {
        String drillId;
        try (DrillStack stack = DrillStack.create(new StackDefinition(List.of(Path.of("compose/platform.yml"),
                Path.of("compose/drill.override.yml"), Path.of("compose/reference.override.yml")),
                List.of("librechat"), temp, Duration.ofMinutes(2)), DrillCredentials.generate(), Clock.systemUTC())) {
            drillId = stack.id().value();
            stack.start();
            String container = stack.containerId("librechat");

            String mounts = DockerCli.require(Duration.ofSeconds(30), "inspect", "--format",
                    "{{range .Mounts}}{{.Type}} {{.Name}} {{.Destination}} {{.RW}};{{end}}", container).strip();
            assertThat(mounts).isEqualTo("volume " + stack.volumeName("librechat-config") + " /app/drill-config false;");
            assertThat(DockerCli.require(Duration.ofSeconds(30), "inspect", "--format",
                    "{{range .Config.Env}}{{println .}}{{end}}", container))
                    .contains("CONFIG_PATH=/app/drill-config/librechat.yaml");
            String delivered = DockerCli.require(Duration.ofSeconds(60), "run", "--rm", "--network", "none",
                    "-v", stack.volumeName("librechat-config") + ":/config:ro", ReferenceImages.TINY,
                    "sh", "-c", "stat -c %a /config/librechat.yaml && cat /config/librechat.yaml");
            assertThat(delivered).isEqualTo("644\n" + Files.readString(Path.of("compose/librechat.yaml")));
            assertThat(stack.bindMounts()).isEmpty();
        }
        assertThat(LeftoverReaper.remaining(drillId)).as("left behind by " + drillId).isEmpty();
    }
}
