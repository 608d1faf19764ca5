package dev.restoredrill.stack;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DrillHostTest {

    @Test
    void thePropertyWinsOverDockerHostAndIsPassedToEveryDockerProcess() {
        DrillHost host = DrillHost.of("tcp://drill-vm.example:2376", "unix:///var/run/docker.sock");

        assertThat(host.uri().toString()).isEqualTo("tcp://drill-vm.example:2376");
        assertThat(host.remote()).isTrue();
        assertThat(host.address()).isEqualTo("drill-vm.example");
        assertThat(host.cliEnvironment()).isEqualTo(Map.of("DOCKER_HOST", "tcp://drill-vm.example:2376"));
    }

    @Test
    void anExportedDockerHostIsInheritedAsItIs() {
        DrillHost host = DrillHost.of(null, "tcp://10.0.0.7:2376");

        assertThat(host.address()).isEqualTo("10.0.0.7");
        assertThat(host.cliEnvironment()).as("the CLI inherits DOCKER_HOST and the TLS variables").isEmpty();
    }

    @Test
    void withNeitherTheDrillRunsOnTheLocalSocket() {
        DrillHost host = DrillHost.of(" ", null);

        assertThat(host.uri().toString()).isEqualTo("unix:///var/run/docker.sock");
        assertThat(host.remote()).isFalse();
        assertThat(host.address()).isEqualTo("localhost");
    }

    @Test
    void credentialsInTheAddressNeverShow() {
        DrillHost host = DrillHost.of("tcp://operator:hunter2secret@drill-vm:2376", null);

        assertThat(host.masked()).doesNotContain("hunter2secret").contains("drill-vm:2376");
        assertThat(host.toString()).doesNotContain("hunter2secret");
    }

    @Test
    void anSshHostIsReachedThroughItsForwardedSocketAndNamedByItsSshUrl() {
        DrillHost named = DrillHost.of(null, "ssh://ops:hunter2secret@drill-vm:2222");
        assertThat(named.ssh()).isTrue();

        DrillHost forwarded = named.forwardedTo(java.net.URI.create("unix:///tmp/restore-drill-ssh-1/docker.sock"));

        assertThat(forwarded.ssh()).isFalse();
        assertThat(forwarded.cliEnvironment()).as("an exported ssh DOCKER_HOST is replaced by the forward")
                .isEqualTo(Map.of("DOCKER_HOST", "unix:///tmp/restore-drill-ssh-1/docker.sock"));
        assertThat(forwarded.remote()).isTrue();
        assertThat(forwarded.address()).isEqualTo("drill-vm");
        assertThat(forwarded.masked()).contains("ssh://", "drill-vm:2222").doesNotContain("hunter2secret");
    }

    @Test
    void anSshHostWithoutTheTestcontainersHostOverrideStopsSayingWhatToExport() {
        DrillHost named = DrillHost.of("ssh://ops@drill-vm", null);

        assertThatThrownBy(() -> DrillHost.requireTestcontainersSeesHost(named, Map.of()))
                .isInstanceOf(DockerUnavailableException.class)
                .hasMessageContaining("ssh://ops@drill-vm")
                .hasMessageContaining("export TESTCONTAINERS_HOST_OVERRIDE=drill-vm");
        DrillHost.requireTestcontainersSeesHost(named, Map.of("TESTCONTAINERS_HOST_OVERRIDE", "drill-vm"));
    }

    @Test
    void anSshUrlWithoutHostOrWithAPathIsRefused() {
        assertThatThrownBy(() -> DrillHost.of("ssh://ops@drill-vm/var/run/docker.sock", null))
                .hasMessageContaining("ssh://USER@HOST[:PORT]");
        assertThatThrownBy(() -> DrillHost.of("ssh:drill-vm", null)).hasMessageContaining("ssh://USER@HOST[:PORT]");
    }

    @Test
    void aUrlWithoutPortOrWithAnotherSchemeIsRefusedSayingWhatIsExpected() {
        assertThatThrownBy(() -> DrillHost.of("tcp://drill-vm", null))
                .hasMessageContaining("-Ddrill.docker-host must be tcp://HOST:PORT").hasMessageContaining("tcp://drill-vm");
        assertThatThrownBy(() -> DrillHost.of(null, "http://drill-vm:2375"))
                .hasMessageContaining("DOCKER_HOST must be tcp://HOST:PORT");
    }
}
