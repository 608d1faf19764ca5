package dev.restoredrill.stack;

import dev.restoredrill.testsupport.RequiresDocker;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a killed drill leaves behind is found by label and removed at the next start; what a running drill owns
 * (its JVM is alive) is left alone.
 */
@RequiresDocker
class LeftoverReaperIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void removesWhatAKilledDrillLeftAndSparesALiveOne() {
        String killed = "drill-20261124-kil1ed";
        String alive = "drill-20261124-a1ive9";
        // A pid that cannot be running: above the kernel's pid_max.
        createLabelled(killed, "99999999");
        createLabelled(alive, String.valueOf(ProcessHandle.current().pid()));
        try {
            LeftoverReaper.Removed removed = LeftoverReaper.removeOrphans();

            assertThat(removed.drills()).contains(killed).doesNotContain(alive);
            assertThat(removed.volumes()).isGreaterThanOrEqualTo(1);
            assertThat(removed.networks()).isGreaterThanOrEqualTo(1);
            assertThat(LeftoverReaper.remaining(killed)).isEmpty();
            assertThat(LeftoverReaper.remaining(alive)).hasSize(2);
        } finally {
            LeftoverReaper.removeDrill(alive);
            LeftoverReaper.removeDrill(killed);
        }
        assertThat(LeftoverReaper.remaining(alive)).isEmpty();
    }

    private static void createLabelled(String drill, String ownerPid) {
        String[] labels = {"--label", DrillLabels.DRILL + "=" + drill, "--label", DrillLabels.OWNER_PID + "=" + ownerPid};
        DockerCli.require(TIMEOUT, "volume", "create", labels[0], labels[1], labels[2], labels[3],
                drill + "_postgres-data");
        DockerCli.require(TIMEOUT, "network", "create", labels[0], labels[1], labels[2], labels[3],
                drill + "_default");
    }
}
