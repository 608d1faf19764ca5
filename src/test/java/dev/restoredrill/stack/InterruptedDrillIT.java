package dev.restoredrill.stack;

import dev.restoredrill.testsupport.RequiresDocker;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Ctrl-C on a running drill tears its stack down: containers, volumes and network all go. */
@RequiresDocker
class InterruptedDrillIT {

    @Test
    void sigintRemovesEverythingTheDrillCreated() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // A job started in the background (nohup, `&`, some CI runners) inherits SIGINT ignored, and a JVM keeps an
        // ignored SIGINT ignored: the drill would never see the Ctrl-C. env --default-signal gives it back.
        ProcessBuilder builder = new ProcessBuilder(List.of("env", "--default-signal=INT",
                ProcessHandle.current().info().command().orElse("java"), "-cp", classpath,
                StackUntilInterrupted.class.getName())).redirectErrorStream(true);
        builder.environment().put("TESTCONTAINERS_RYUK_DISABLED", "true");
        builder.environment().put("TESTCONTAINERS_CHECKS_DISABLE", "true");
        Process drill = builder.start();
        String drillId = null;
        StringBuilder output = new StringBuilder();
        BufferedReader lines = new BufferedReader(new InputStreamReader(drill.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line;
            while (drillId == null && (line = lines.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("DRILL-ID ")) {
                    drillId = line.substring("DRILL-ID ".length()).strip();
                }
            }
            assertThat(drillId).as("the drill stack came up; its output:\n" + output).isNotNull();
            assertThat(LeftoverReaper.remaining(drillId)).as("resources while the drill runs").isNotEmpty();

            new ProcessBuilder("kill", "-INT", String.valueOf(drill.pid())).start().waitFor();
            // Drained aside, so the wait below times the drill's own end, not the end of its output.
            CompletableFuture.runAsync(() -> {
                try {
                    lines.transferTo(java.io.Writer.nullWriter());
                } catch (java.io.IOException ignored) {
                    // the drill's output closed with it
                }
            });
            assertThat(drill.waitFor(2, TimeUnit.MINUTES)).as("the drill ended within 2 minutes of SIGINT").isTrue();
        } finally {
            // Before the reader closes: closing waits for the drain, which ends only with the drill.
            drill.destroyForcibly();
            lines.close();
        }
        assertThat(LeftoverReaper.remaining(drillId)).as("resources left after Ctrl-C").isEmpty();
    }
}
