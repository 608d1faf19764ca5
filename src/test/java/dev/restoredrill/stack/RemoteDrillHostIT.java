package dev.restoredrill.stack;

import dev.restoredrill.generate.BackupSet;
import dev.restoredrill.generate.GeneratedBackups;
import dev.restoredrill.testsupport.RequiresDocker;
import dev.restoredrill.testsupport.SecondEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drill on a remote drill host: a second Docker engine on this machine ({@link SecondEngine}, its own network
 * namespace, reached at tcp://10.231.77.x:2375) holding only the images the drill needs. A drill of postgres (psql
 * fed through {@code docker exec -i}) and clickhouse (a volume snapshot streamed into {@code docker run -i … tar
 * -x}), in a JVM of its own told {@code -Ddrill.docker-host=tcp://…}, passes; meanwhile the local engine sees no
 * container of that drill, and no container the drill creates on the drill host has a bind mount; afterwards
 * neither engine holds anything of it.
 */
@RequiresDocker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteDrillHostIT {

    /** What a drill of postgres and clickhouse on the reference images runs: stores, extraction helper, ambassador. */
    private static final List<String> IMAGES = List.of(ReferenceImages.POSTGRES, ReferenceImages.CLICKHOUSE,
            ReferenceImages.TINY, ReferenceImages.SOCAT);

    @TempDir
    Path temp;
    private BackupSet set;
    private SecondEngine drillHost;

    @BeforeAll
    void generateBackupsThenStartTheDrillHost() {
        set = GeneratedBackups.small(); // on the local engine, before the drill host exists
        drillHost = SecondEngine.start();
        long started = System.nanoTime();
        drillHost.load(IMAGES);
        System.out.printf("second engine at %s, %d images loaded in %.1f s%n", drillHost.url(), IMAGES.size(),
                (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    void stopTheDrillHost() {
        if (drillHost != null) {
            drillHost.close();
        }
    }

    @Test
    void aDrillRunsWhollyOnTheRemoteHostWithoutBindMountsAndLeavesNothing() throws Exception {
        Path scenario = Files.writeString(temp.resolve("remote-host.yml"), """
                name: remote-host
                stores: [postgres, clickhouse]
                """);
        List<String> localEvents = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> remoteMounts = new ConcurrentHashMap<>();
        Process localWatch = watch(List.of("docker", "events", "--filter", "label=" + DrillLabels.DRILL, "--format",
                "{{.Type}} {{.Action}} {{index .Actor.Attributes \"" + DrillLabels.DRILL + "\"}}"), localEvents::add);
        // Inspect each container the moment the drill host creates it: helpers run briefly with --rm.
        Process remoteWatch = watch(List.of("docker", "-H", drillHost.url(), "events", "--filter", "type=container",
                "--filter", "event=create", "--format", "{{.Actor.ID}}"), id -> remoteMounts.put(id, drillHost.docker(
                "inspect", "--format", "{{.Name}}:{{range .Mounts}} {{.Type}} {{.Source}}->{{.Destination}}{{end}}",
                id).output().strip()));
        List<String> output = new ArrayList<>();
        int exit;
        try {
            exit = runDrill(scenario, output);
        } finally {
            localWatch.destroy();
            remoteWatch.destroy();
        }
        String transcript = String.join("\n", output.subList(Math.max(0, output.size() - 80), output.size()));

        String drillId = lineStartingWith(output, "DRILL-ID ").orElseThrow(() -> new AssertionError(
                "the drill printed no id; its output:\n" + transcript));
        assertThat(exit).as("the drill JVM's exit code; its output:\n" + transcript).isZero();
        assertThat(output).as("the stack started").noneMatch(l -> l.startsWith("STACK-FAILURE"));
        for (String store : List.of("postgres", "clickhouse")) {
            assertThat(output).as(transcript).anyMatch(l -> l.startsWith("RESTORED " + store + " true"));
            List<String> checks = output.stream().filter(l -> l.startsWith("COMPLETE " + store + " ")).toList();
            assertThat(checks).as("completeness of " + store).isNotEmpty()
                    .allMatch(l -> l.startsWith("COMPLETE " + store + " PASS"));
        }
        assertThat(output).as("the drill's own bind-mount check").contains("BIND-MOUNTS 0 []");
        assertThat(output).anyMatch(l -> l.startsWith("CLOSED"));

        assertThat(localEvents).as("events of this drill on the local engine").noneMatch(e -> e.endsWith(" " + drillId));
        assertThat(remoteMounts).as("containers the drill created on the drill host").hasSizeGreaterThanOrEqualTo(3);
        assertThat(remoteMounts.values()).as("their mounts").noneMatch(m -> m.contains(" bind "));
        assertThat(remoteMounts.values()).as("the stores' volumes are mounted").anyMatch(m -> m.contains(" volume "));

        assertThat(drillHost.docker("ps", "-aq").output()).as("containers left on the drill host").isBlank();
        assertThat(drillHost.docker("volume", "ls", "-q").output()).as("volumes left on the drill host").isBlank();
        assertThat(drillHost.docker("network", "ls", "--format", "{{.Name}}").output().strip().lines().sorted())
                .as("networks on the drill host").containsExactly("bridge", "host", "none");
        assertThat(LeftoverReaper.remaining(drillId)).as("anything of the drill on the local engine").isEmpty();
    }

    /** The drill in a JVM of its own, told the drill host only by -Ddrill.docker-host (DOCKER_HOST unset). */
    private int runDrill(Path scenario, List<String> output) throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-cp", classpath,
                "-D" + DrillHost.PROPERTY + "=" + drillHost.url(), DrillOnHost.class.getName(),
                scenario.toString(), set.directory().toString(), temp.resolve("work").toString()))
;
        builder.environment().remove("DOCKER_HOST");
        return DrillOnHost.run(builder, "[drill on host] ", output);
    }

    private static Process watch(List<String> command, Consumer<String> onLine) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("DOCKER_HOST");
        Process process = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (!line.isBlank()) {
                        onLine.accept(line.strip());
                    }
                }
            } catch (IOException ended) {
                // the watcher was stopped
            }
        }, "events-" + command.get(1));
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private static java.util.Optional<String> lineStartingWith(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip())
                .findFirst();
    }
}
