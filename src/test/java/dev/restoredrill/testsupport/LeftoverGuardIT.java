package dev.restoredrill.testsupport;

import dev.restoredrill.stack.ReferenceImages;
import dev.restoredrill.stack.DockerCli;
import dev.restoredrill.stack.DrillLabels;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The guard catches the leak of issue 17 as it happens: a container of a reference image (which declares
 * {@code VOLUME}) removed without {@code -v} leaves an anonymous volume. A volume someone else creates meanwhile
 * is not this run's and is not reported. Everything made here is removed at the end.
 */
@RequiresDocker
class LeftoverGuardIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Test
    void aVolumeLeftByAContainerOfThisRunFailsTheGuardAndAnotherProcesssVolumeDoesNot() throws Exception {
        String suffix = Long.toHexString(System.nanoTime());
        String container = "leftover-guard-it-" + suffix;
        String othersVolume = "leftover-guard-it-someone-else-" + suffix;
        String leaked = null;
        LeftoverGuard guard = LeftoverGuard.start();
        try {
            DockerCli.require(TIMEOUT, "run", "--name", container, "--network", "none",
                    "--label", DrillLabels.OWNER_PID + "=" + ProcessHandle.current().pid(),
                    "--entrypoint", "true", ReferenceImages.CLICKHOUSE);
            leaked = DockerCli.require(TIMEOUT, "inspect", "--format",
                    "{{range .Mounts}}{{if eq .Destination \"/var/lib/clickhouse\"}}{{.Name}}{{end}}{{end}}", container).strip();
            DockerCli.require(TIMEOUT, "rm", container);
            DockerCli.require(TIMEOUT, "volume", "create", othersVolume);
            assertThat(leaked).as("the image's VOLUME became an anonymous volume").isNotEmpty();

            String volume = leaked;
            assertThat(guard.leftovers()).singleElement().satisfies(l -> assertThat(l.describe())
                    .isEqualTo("volume " + volume + ": anonymous volume mounted at /var/lib/clickhouse by container "
                            + container + " (restore-drill/clickhouse:18.16) of this run, which was removed without "
                            + "its volumes"));
            assertThatThrownBy(guard::close).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("left 1 thing(s)")
                    .hasMessageContaining("docker volume rm " + volume)
                    .hasMessageNotContaining(othersVolume);
        } finally {
            DockerCli.run(TIMEOUT, "rm", "-f", "-v", container);
            if (leaked != null && !leaked.isEmpty()) {
                DockerCli.run(TIMEOUT, "volume", "rm", "-f", leaked);
            }
            DockerCli.run(TIMEOUT, "volume", "rm", "-f", othersVolume);
        }
        assertThat(guard.leftovers()).as("after the clean-up").isEmpty();
        guard.close();
    }
}
