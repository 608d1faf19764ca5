package dev.restoredrill.stack;

import dev.restoredrill.testsupport.RequiresDocker;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a killed drill leaves behind is found by label and removed at the next start; what a running drill owns
 * (its JVM is alive) is left alone, and so is what another runner's drill owns on a shared drill host.
 */
@RequiresDocker
class LeftoverReaperIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void removesWhatAKilledDrillLeftAndSparesALiveOne() {
        String killed = "drill-20261124-kil1ed";
        String alive = "drill-20261124-a1ive9";
        String otherRunners = "drill-20261124-0ther5";
        // A pid that cannot be running: above the kernel's pid_max.
        createLabelled(killed, "99999999", DrillLabels.ownerHost());
        createLabelled(alive, DrillLabels.ownerPid(), DrillLabels.ownerHost());
        // The same dead-looking pid, but another runner's: only that runner can tell whether its drill still runs.
        createLabelled(otherRunners, "99999999", "another-runner.example");
        try {
            LeftoverReaper.Removed removed = LeftoverReaper.removeOrphans();

            assertThat(removed.drills()).contains(killed).doesNotContain(alive, otherRunners);
            assertThat(removed.volumes()).isGreaterThanOrEqualTo(1);
            assertThat(removed.networks()).isGreaterThanOrEqualTo(1);
            assertThat(LeftoverReaper.remaining(killed)).isEmpty();
            assertThat(LeftoverReaper.remaining(alive)).hasSize(2);
            assertThat(LeftoverReaper.remaining(otherRunners)).hasSize(2);
        } finally {
            LeftoverReaper.removeDrill(alive);
            LeftoverReaper.removeDrill(killed);
            LeftoverReaper.removeDrill(otherRunners);
        }
        assertThat(LeftoverReaper.remaining(alive)).isEmpty();
        assertThat(LeftoverReaper.remaining(otherRunners)).isEmpty();
    }

    private static void createLabelled(String drill, String ownerPid, String ownerHost) {
        java.util.List<String> labels = java.util.List.of("--label", DrillLabels.DRILL + "=" + drill,
                "--label", DrillLabels.OWNER_PID + "=" + ownerPid, "--label", DrillLabels.OWNER_HOST + "=" + ownerHost);
        java.util.List<String> volume = new java.util.ArrayList<>(java.util.List.of("volume", "create"));
        volume.addAll(labels);
        volume.add(drill + "_postgres-data");
        DockerCli.require(TIMEOUT, volume);
        java.util.List<String> network = new java.util.ArrayList<>(java.util.List.of("network", "create"));
        network.addAll(labels);
        network.add(drill + "_default");
        DockerCli.require(TIMEOUT, network);
    }
}
