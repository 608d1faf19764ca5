package dev.restoredrill.stack;

import dev.restoredrill.testsupport.InterruptibleChild;
import dev.restoredrill.testsupport.RequiresDocker;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Ctrl-C on a running drill tears its stack down: containers, volumes and network all go. */
@RequiresDocker
class InterruptedDrillIT {

    @Test
    void sigintRemovesEverythingTheDrillCreated() throws Exception {
        String drillId;
        try (InterruptibleChild drill = InterruptibleChild.start(StackUntilInterrupted.class)) {
            drillId = drill.awaitLine("DRILL-ID ");
            assertThat(drillId).as("the drill stack came up; its output:\n" + drill.output()).isNotNull();
            assertThat(LeftoverReaper.remaining(drillId)).as("resources while the drill runs").isNotEmpty();

            assertThat(drill.interrupt(Duration.ofMinutes(2))).as("the drill ended within 2 minutes of SIGINT")
                    .isNotNull();
        }
        assertThat(LeftoverReaper.remaining(drillId)).as("resources left after Ctrl-C").isEmpty();
    }
}
