package dev.restoredrill.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One container's isolation facts, read from {@code docker inspect} JSON as engine 20.10 prints it. */
class IsolationInspectorTest {

    @Test
    void readsBindMountsPublishedPortsNetworksAndTheHarnessRole() throws Exception {
        IsolationFacts.Container ambassador = IsolationInspector.container(new ObjectMapper().readTree("""
                {"Name": "/tc-socat-9",
                 "Config": {"Labels": {"dev.restoredrill.drill": "drill-x", "dev.restoredrill.role": "ambassador"}},
                 "Mounts": [{"Type": "volume", "Source": "/var/lib/docker/volumes/v/_data", "Destination": "/data"},
                            {"Type": "bind", "Source": "/srv/librechat.yaml", "Destination": "/app/librechat.yaml"}],
                 "NetworkSettings": {
                   "Ports": {"5432/tcp": [{"HostIp": "0.0.0.0", "HostPort": "32768"}], "9999/tcp": null,
                             "8080/tcp": []},
                   "Networks": {"bridge": {}, "drill-x_default": {}}}}
                """));

        assertThat(ambassador.name()).isEqualTo("tc-socat-9");
        assertThat(ambassador.role()).isEqualTo(HarnessRole.AMBASSADOR);
        assertThat(ambassador.bindMounts()).containsExactly("/srv/librechat.yaml -> /app/librechat.yaml");
        assertThat(ambassador.publishedPorts()).containsExactly("0.0.0.0:32768 -> 5432/tcp");
        assertThat(ambassador.networks()).containsExactly("bridge", "drill-x_default");
    }

    @Test
    void aComposeServiceHasItsServiceNameAndNoRole() throws Exception {
        IsolationFacts.Container postgres = IsolationInspector.container(new ObjectMapper().readTree("""
                {"Name": "/drill-x-postgres-1",
                 "Config": {"Labels": {"com.docker.compose.service": "postgres"}},
                 "Mounts": [], "NetworkSettings": {"Ports": {"5432/tcp": null}, "Networks": {"drill-x_default": {}}}}
                """));

        assertThat(postgres.service()).isEqualTo("postgres");
        assertThat(postgres.role()).isNull();
        assertThat(postgres.publishedPorts()).isEmpty();
        assertThat(postgres.bindMounts()).isEmpty();
    }

    @Test
    void theIsolationSwitchAcceptsOnAndOffOnly() {
        assertThat(NetworkIsolation.parse("")).isEqualTo(NetworkIsolation.INTERNAL);
        assertThat(NetworkIsolation.parse("OFF")).isEqualTo(NetworkIsolation.OFF);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NetworkIsolation.parse("maybe"))
                .hasMessageContaining("'on'").hasMessageContaining("'off'").hasMessageContaining("maybe");
    }

    @Test
    void aContainerRemovedBetweenTheListingAndTheInspectionIsGoneNotAnError() {
        // As the engine answered in CI: three probe containers (docker run --rm) ended between the two commands.
        String vanished = """
                Error response from daemon: No such container: 5ac29fc28b9a
                Error response from daemon: No such container: cbb5dc07e856
                Error: No such object: af1e4d691865
                """;
        assertThat(IsolationInspector.onlyVanished(vanished)).isTrue();
        assertThat(IsolationInspector.onlyVanished(vanished + "permission denied while trying to connect to the "
                + "Docker daemon socket\n")).as("any other error still fails the inspection").isFalse();
        assertThat(IsolationInspector.onlyVanished("")).as("a failure that says nothing").isFalse();
    }
}
