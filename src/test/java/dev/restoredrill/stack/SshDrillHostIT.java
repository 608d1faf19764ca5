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

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A drill on a drill host named {@code ssh://root@ADDRESS:2222}: a second Docker engine in a network namespace of
 * its own ({@link SecondEngine}) with OpenSSH's sshd in the same namespace, in front of that engine's socket (bind
 * mounted at /var/run/docker.sock in sshd's own mount namespace, where a real drill host has it). The drill, in a
 * JVM of its own, opens the ssh forward itself, restores postgres on the drill host and passes; the drill host
 * keeps nothing, the local engine holds nothing of the drill and the forward's socket dir is gone.
 */
@RequiresDocker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SshDrillHostIT {

    private static final int SSH_PORT = 2222;
    private static final List<String> IMAGES = List.of(ReferenceImages.POSTGRES, ReferenceImages.TINY,
            ReferenceImages.SOCAT);

    @TempDir
    Path temp;
    private BackupSet set;
    private SecondEngine drillHost;
    private Process sshd;
    private Path ssh;

    @BeforeAll
    void startTheDrillHostWithSshd() throws Exception {
        set = GeneratedBackups.small(); // on the local engine, before the drill host exists
        drillHost = SecondEngine.start();
        drillHost.load(IMAGES);
        ssh = Files.createTempDirectory("restore-drill-sshd-"); // keys and sshd's config; @TempDir is not set yet
        for (String key : List.of("host", "client")) {
            run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", ssh.resolve(key).toString());
        }
        Files.copy(ssh.resolve("client.pub"), ssh.resolve("authorized_keys"));
        Files.writeString(ssh.resolve("sshd_config"), String.join("\n", "Port " + SSH_PORT,
                "ListenAddress " + drillHost.address(), "HostKey " + ssh.resolve("host"),
                "PidFile " + ssh.resolve("sshd.pid"), "AuthorizedKeysFile " + ssh.resolve("authorized_keys"),
                "PermitRootLogin prohibit-password", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
                "StrictModes no", "UsePAM no", "AllowStreamLocalForwarding yes", ""));
        Files.createDirectories(Path.of("/run/sshd"));
        sshd = new ProcessBuilder("nsenter", "--net=/run/netns/" + drillHost.namespace(), "unshare", "-m",
                "--propagation", "private", "sh", "-c", "mount --bind " + drillHost.socket()
                        + " /run/docker.sock && exec /usr/sbin/sshd -D -e -f " + ssh.resolve("sshd_config"))
                .redirectErrorStream(true).redirectOutput(ssh.resolve("sshd.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try (Socket probe = new Socket(drillHost.address(), SSH_PORT)) {
                break;
            } catch (IOException notYet) {
                assertThat(sshd.isAlive()).as("sshd runs: " + Files.readString(ssh.resolve("sshd.log"))).isTrue();
                assertThat(System.nanoTime()).as("sshd listens within 15 s").isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    @AfterAll
    void stopTheDrillHost() throws IOException, InterruptedException {
        if (sshd != null) {
            sshd.destroy();
            sshd.waitFor(5, TimeUnit.SECONDS);
        }
        if (drillHost != null) {
            drillHost.close();
        }
        if (ssh != null) {
            new ProcessBuilder("rm", "-rf", ssh.toString()).start().waitFor();
        }
    }

    @Test
    void aDrillOnAnSshDrillHostPassesAndLeavesNothingOnEitherEngine() throws Exception {
        Path scenario = Files.writeString(temp.resolve("ssh-host.yml"), """
                name: ssh-host
                stores: [postgres]
                """);
        List<Path> forwardsBefore = forwardDirs();
        List<String> output = new ArrayList<>();
        int exit = runDrill(scenario, output);
        String transcript = String.join("\n", output.subList(Math.max(0, output.size() - 80), output.size()));

        String drillId = output.stream().filter(l -> l.startsWith("DRILL-ID ")).map(l -> l.substring(9).strip())
                .findFirst().orElseThrow(() -> new AssertionError("the drill printed no id; its output:\n"
                        + transcript));
        assertThat(exit).as("the drill JVM's exit code; its output:\n" + transcript).isZero();
        assertThat(output).as(transcript).anyMatch(l -> l.contains("forwarded over ssh"));
        assertThat(output).as(transcript).anyMatch(l -> l.startsWith("RESTORED postgres true"));
        assertThat(output.stream().filter(l -> l.startsWith("COMPLETE postgres ")).toList()).as(transcript)
                .isNotEmpty().allMatch(l -> l.startsWith("COMPLETE postgres PASS"));
        assertThat(output).as("the drill's own bind-mount check").contains("BIND-MOUNTS 0 []");

        assertThat(drillHost.docker("ps", "-aq").output()).as("containers left on the drill host").isBlank();
        assertThat(drillHost.docker("volume", "ls", "-q").output()).as("volumes left on the drill host").isBlank();
        assertThat(LeftoverReaper.remaining(drillId)).as("anything of the drill on the local engine").isEmpty();
        // The forward's shell sees the pipe close when the JVM ends, then ends ssh and deletes the dir: just after.
        await("the forward's socket dir removed after the drill's JVM ended").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(forwardDirs())
                        .as("the forward's socket dirs").isSubsetOf(forwardsBefore));
    }

    /** The drill in a JVM of its own, told only -Ddrill.docker-host=ssh://…; ssh finds its key as in ~/.ssh/config. */
    private int runDrill(Path scenario, List<String> output) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path client = bin.resolve("ssh");
        // The real ssh client with this test's key and known_hosts, as an operator's ~/.ssh/config gives them.
        Files.writeString(client, "#!/bin/sh\nexec /usr/bin/ssh -F /dev/null -o IdentitiesOnly=yes -i "
                + ssh.resolve("client") + " -o UserKnownHostsFile=" + ssh.resolve("known_hosts")
                + " -o StrictHostKeyChecking=accept-new \"$@\"\n");
        Files.setPosixFilePermissions(client, PosixFilePermissions.fromString("rwx------"));
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-cp", classpath,
                "-D" + DrillHost.PROPERTY + "=ssh://root@" + drillHost.address() + ":" + SSH_PORT,
                DrillOnHost.class.getName(), scenario.toString(), set.directory().toString(),
                temp.resolve("work").toString()));
        builder.environment().remove("DOCKER_HOST");
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("TESTCONTAINERS_HOST_OVERRIDE", drillHost.address());
        return DrillOnHost.run(builder, "[drill over ssh] ", output);
    }

    private static List<Path> forwardDirs() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("restore-drill-ssh-")).toList();
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
