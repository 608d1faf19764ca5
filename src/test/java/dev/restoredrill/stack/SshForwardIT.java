package dev.restoredrill.stack;

import dev.restoredrill.testsupport.RequiresDocker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real ssh transport: OpenSSH's sshd on a loopback port of this machine (its own host key, config and
 * authorized key in a temp dir; installed by scripts/install-docker.sh) in front of this machine's engine, reached
 * with the real ssh client as {@code ssh://root@127.0.0.1:PORT}. The engine answers {@code docker version} and runs a
 * container through the forward; a key the host does not accept ends in the one line of a refused runner; closing
 * the forward ends ssh and removes its socket.
 */
@RequiresDocker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SshForwardIT {

    private Path dir;
    private Process sshd;
    private int port;

    @BeforeAll
    void startSshd() throws Exception {
        assertThat(Path.of("/usr/sbin/sshd")).as("sshd (apt-get install openssh-server; scripts/install-docker.sh)")
                .isExecutable();
        dir = Files.createTempDirectory("restore-drill-sshd-");
        for (String key : List.of("host", "client", "stranger")) {
            run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve(key).toString());
        }
        Files.copy(dir.resolve("client.pub"), dir.resolve("authorized_keys"));
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Files.writeString(dir.resolve("sshd_config"), String.join("\n", "Port " + port, "ListenAddress 127.0.0.1",
                "HostKey " + dir.resolve("host"), "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"), "PermitRootLogin prohibit-password",
                "PasswordAuthentication no", "KbdInteractiveAuthentication no", "StrictModes no", "UsePAM no",
                "AllowStreamLocalForwarding yes", ""));
        Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege separation dir
        sshd = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                break;
            } catch (IOException notYet) {
                assertThat(sshd.isAlive()).as("sshd runs: " + Files.readString(dir.resolve("sshd.log"))).isTrue();
                assertThat(System.nanoTime()).as("sshd listens within 15 s").isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    @AfterAll
    void stopSshd() throws Exception {
        if (sshd != null) {
            sshd.destroy();
            sshd.waitFor(5, TimeUnit.SECONDS);
        }
        run("rm", "-rf", dir.toString());
    }

    @Test
    void theEngineAnswersAndRunsAContainerThroughTheForwardWhichLeavesNothingWhenClosed() {
        URI target = URI.create("ssh://root@127.0.0.1:" + port);
        SshForward forward = SshForward.open(ssh("client").toString(), target, Duration.ofSeconds(30));
        Path socket = Path.of(forward.localUri().getPath());
        try {
            DrillHost host = DrillHost.of(null, target.toString()).forwardedTo(forward.localUri());
            EngineCheck.Engine engine = EngineCheck.check(host);
            assertThat(engine.api()).isGreaterThanOrEqualTo(EngineCheck.MIN_API);
            assertThat(host.masked()).isEqualTo(target.toString());

            DockerCli.Result run = DockerCli.run(Duration.ofSeconds(60), host.cliEnvironment(), List.of("run",
                    "--rm", "--label", "restore-drill.test=ssh-forward-it", ReferenceImages.TINY, "echo",
                    "through ssh"));
            assertThat(run.ok()).as(run.stderr()).isTrue();
            assertThat(run.stdout().strip()).isEqualTo("through ssh");
        } finally {
            forward.close();
        }
        assertThat(forward.alive()).as("ssh ended").isFalse();
        assertThat(socket).as("the forwarded socket and its dir are removed").doesNotExist();
        assertThat(socket.getParent()).doesNotExist();
    }

    @Test
    void aKeyTheHostDoesNotAcceptEndsInTheLineOfARefusedRunner() {
        URI target = URI.create("ssh://root@127.0.0.1:" + port);

        assertThatThrownBy(() -> SshForward.open(ssh("stranger").toString(), target, Duration.ofSeconds(30)))
                .isInstanceOf(DockerUnavailableException.class)
                .hasMessageContaining("ssh refused this runner at the drill host ssh://root@127.0.0.1:" + port)
                .hasMessageContaining("Permission denied")
                .hasMessageContaining("ssh-agent");
    }

    /**
     * The real ssh client with this test's key and known_hosts and no user config, as an operator's ~/.ssh/config
     * would give them (the harness passes no identity options of its own).
     */
    private Path ssh(String key) {
        Path wrapper = dir.resolve("ssh-with-" + key);
        try {
            Files.writeString(wrapper, "#!/bin/sh\nexec ssh -F /dev/null -o IdentitiesOnly=yes -i " + dir.resolve(key)
                    + " -o UserKnownHostsFile=" + dir.resolve("known_hosts")
                    + " -o StrictHostKeyChecking=accept-new \"$@\"\n");
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return wrapper;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
