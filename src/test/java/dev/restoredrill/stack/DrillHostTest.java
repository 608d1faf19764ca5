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
    void sshIsRefusedWithTheWayThroughAForwardedSocket() {
        assertThatThrownBy(() -> DrillHost.of("ssh://ops@drill-vm", null))
                .isInstanceOf(DockerUnavailableException.class)
                .hasMessageContaining("ssh://ops@drill-vm")
                .hasMessageContaining("ssh -NL 127.0.0.1:23750:/var/run/docker.sock")
                .hasMessageContaining("-Ddrill.docker-host=tcp://127.0.0.1:23750");
    }

    @Test
    void aUrlWithoutPortOrWithAnotherSchemeIsRefusedSayingWhatIsExpected() {
        assertThatThrownBy(() -> DrillHost.of("tcp://drill-vm", null))
                .hasMessageContaining("-Ddrill.docker-host must be tcp://HOST:PORT").hasMessageContaining("tcp://drill-vm");
        assertThatThrownBy(() -> DrillHost.of(null, "http://drill-vm:2375"))
                .hasMessageContaining("DOCKER_HOST must be tcp://HOST:PORT");
    }
}
