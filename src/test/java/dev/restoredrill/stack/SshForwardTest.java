package dev.restoredrill.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The ssh command and the one line each ssh fault ends in. Where this machine's own ssh client can produce the fault
 * (no client, nothing listening), the real one runs; an auth refusal and a missing engine socket need an sshd, so a
 * stand-in {@code ssh} script (named so, in a temp dir) prints what OpenSSH prints in those cases.
 */
class SshForwardTest {

    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    @Test
    void theForwardNeverPromptsFailsWhenItCannotListenAndNamesThePortAndUser() {
        Path socket = Path.of("/tmp/restore-drill-ssh-1/docker.sock");

        assertThat(SshForward.command("ssh", URI.create("ssh://ops:hunter2secret@drill-vm:2222"), socket))
                .containsExactly("ssh", "-o", "BatchMode=yes", "-o", "ExitOnForwardFailure=yes", "-o",
                        "ConnectTimeout=10", "-nNT", "-L", socket + ":/var/run/docker.sock", "-p", "2222",
                        "ops@drill-vm");
        assertThat(SshForward.command("ssh", URI.create("ssh://drill-vm"), socket)).endsWith("drill-vm")
                .doesNotContain("-p");
    }

    @Test
    void withoutAnSshClientTheLineSaysToInstallOne() {
        assertThatThrownBy(() -> SshForward.open("/nonexistent/bin/ssh", URI.create("ssh://ops@drill-vm"),
                Duration.ofSeconds(5)))
                .isInstanceOf(DockerUnavailableException.class)
                .hasMessageContaining("the drill host ssh://ops@drill-vm")
                .hasMessageContaining("apt-get install openssh-client");
    }

    @Test
    void anUnreachableHostIsNamedWithItsPortByTheRealSshClient() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort(); // closed again: nothing listens there
        }
        List<Path> before = forwardDirs();
        URI target = URI.create("ssh://ops:hunter2secret@127.0.0.1:" + port);

        assertThatThrownBy(() -> SshForward.open("ssh", target, Duration.ofSeconds(20)))
                .isInstanceOf(DockerUnavailableException.class)
                .hasMessageContaining("ssh cannot reach the drill host ssh://ops:")
                .hasMessageContaining("127.0.0.1:" + port)
                .hasMessageContaining("Connection refused")
                .hasMessageContaining("that sshd runs there")
                .message().doesNotContain("hunter2secret");
        assertThat(forwardDirs()).as("the private socket dir is removed").isSubsetOf(before);
    }

    @Test
    void aRefusedKeySaysHowToLetTheRunnerInWithoutAPrompt(@TempDir Path dir) throws IOException {
        Path standIn = standInSsh(dir, "echo 'ops@drill-vm: Permission denied (publickey).' >&2; exit 255");

        assertThatThrownBy(() -> SshForward.open(standIn.toString(), URI.create("ssh://ops@drill-vm"),
                Duration.ofSeconds(10)))
                .isInstanceOf(DockerUnavailableException.class)
                .hasMessageContaining("ssh refused this runner at the drill host ssh://ops@drill-vm")
                .hasMessageContaining("Permission denied (publickey)")
                .hasMessageContaining("BatchMode=yes")
                .hasMessageContaining("`ssh ops@drill-vm true`");
    }

    @Test
    void aMissingEngineSocketOnTheHostSaysToStartDockerdThere(@TempDir Path dir) throws IOException {
        // Like OpenSSH when the remote end of -L cannot be opened: the local socket listens, each connection is
        // closed at once and ssh reports the failed channel on stderr while it keeps running.
        Path standIn = standInSsh(dir, """
                for a in "$@"; do case "$a" in *:/var/run/docker.sock) sock="${a%%:/var/run/docker.sock}";; esac; done
                exec python3 -c '
                import socket, sys
                s = socket.socket(socket.AF_UNIX); s.bind(sys.argv[1]); s.listen(4)
                while True:
                    c, _ = s.accept(); c.close()
                    sys.stderr.write("channel 2: open failed: connect failed: open failed\\n"); sys.stderr.flush()
                ' "$sock"
                """);
        List<Path> before = forwardDirs();

        assertThatThrownBy(() -> SshForward.open(standIn.toString(), URI.create("ssh://ops@drill-vm:2222"),
                Duration.ofSeconds(20)))
                .isInstanceOf(DockerUnavailableException.class)
                .hasMessageContaining("ssh reached the drill host ssh://ops@drill-vm:2222")
                .hasMessageContaining("engine socket /var/run/docker.sock cannot be opened")
                .hasMessageContaining("Start dockerd there");
        assertThat(forwardDirs()).as("ssh is ended and the private socket dir removed").isSubsetOf(before);
    }

    @Test
    void whenTheJvmsPipeClosesTheShellEndsSshAndDeletesTheDir(@TempDir Path temp) throws Exception {
        Path dir = Files.createDirectory(temp.resolve("restore-drill-ssh-pipe"));
        Files.writeString(dir.resolve(SshForward.STDERR), "");
        Process shell = untilThePipeCloses(dir, "sleep", "300"); // an ssh that would run for five minutes

        assertThat(shell.waitFor(500, TimeUnit.MILLISECONDS)).as("the forward runs while the pipe is open").isFalse();
        shell.getOutputStream().close(); // what the end of the JVM does too
        assertThat(shell.waitFor(10, TimeUnit.SECONDS)).as("the shell ended ssh and itself").isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(dir).doesNotExist());
    }

    @Test
    void sshEndsWhenThePipeClosesEvenIfTheDirWasRemovedMeanwhile(@TempDir Path temp) throws Exception {
        Path dir = Files.createDirectory(temp.resolve("restore-drill-ssh-swept"));
        Process shell = untilThePipeCloses(dir, "sleep", "300");
        assertThat(shell.waitFor(300, TimeUnit.MILLISECONDS)).isFalse();

        Files.delete(dir); // a tmp cleaner, say: the watcher's mark cannot be written
        shell.getOutputStream().close();

        assertThat(shell.waitFor(10, TimeUnit.SECONDS)).as("ssh was ended and the shell with it").isTrue();
    }

    @Test
    void theEndOfTheJvmDeletesTheDirOfAnSshThatEndedByItself() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process jvm = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp", classpath,
                ForwardDirAtExit.class.getName()).redirectErrorStream(true).start();
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();

        Path dir = Path.of(output.lines().filter(l -> l.startsWith("DIR ")).findFirst()
                .orElseThrow(() -> new AssertionError("no DIR line: " + output)).substring(4));
        assertThat(dir).as("the forward's dir, with the stderr a dead ssh left").doesNotExist();
    }

    @Test
    void anSshThatEndsByItselfLeavesItsStderrForTheExplanation(@TempDir Path temp) throws Exception {
        Path dir = Files.createDirectory(temp.resolve("restore-drill-ssh-own-end"));
        Path err = dir.resolve(SshForward.STDERR);
        Process shell = untilThePipeCloses(dir, "sh", "-c", "echo 'Connection refused' > " + err + "; exit 255");

        assertThat(shell.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(shell.exitValue()).as("ssh's own exit status").isEqualTo(255);
        Thread.sleep(300); // the JVM has closed the pipe of the ended process: a watcher left running would delete
        assertThat(err).as("ssh's stderr, for the line that explains the failure").hasContent("Connection refused");
    }

    private static Process untilThePipeCloses(Path dir, String... ssh) throws IOException {
        List<String> command = new ArrayList<>(List.of("sh", "-c", SshForward.UNTIL_THE_PIPE_CLOSES, "ssh-forward",
                dir.toString()));
        command.addAll(List.of(ssh));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** A stand-in for the ssh client: a shell script printing what OpenSSH prints for a fault it cannot cause here. */
    private static Path standInSsh(Path dir, String body) throws IOException {
        Path script = dir.resolve("ssh-stand-in");
        Files.writeString(script, "#!/bin/bash\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static List<Path> forwardDirs() throws IOException {
        try (Stream<Path> files = Files.list(TMP)) {
            return files.filter(p -> p.getFileName().toString().startsWith("restore-drill-ssh-")).toList();
        }
    }
}
