package dev.restoredrill.stack;

import java.util.List;

/**
 * What {@code docker inspect} shows of a drill's isolation: the engine, the drill's networks and the containers
 * that have a way in or out.
 *
 * @param engineVersion  the drill host's engine version ({@code docker version})
 * @param engineAddress  where the engine is reached, credentials masked
 * @param networks       the drill's own networks (compose project), each with whether it is internal
 * @param containers     every container of the drill (services and the harness's own), with what opens it
 */
public record IsolationFacts(String engineVersion, String engineAddress, List<Network> networks,
                             List<Container> containers) {

    public IsolationFacts {
        networks = List.copyOf(networks);
        containers = List.copyOf(containers);
    }

    /** A network of the drill's compose project. */
    public record Network(String name, boolean internal) {
    }

    /**
     * A container of the drill.
     *
     * @param role            the harness's role for it, null for a service of the platform
     * @param bindMounts      {@code source -> destination} of each bind mount
     * @param publishedPorts  {@code hostIp:hostPort -> port/proto} of each port published on the drill host
     * @param networks        the networks it is attached to
     */
    public record Container(String name, String service, HarnessRole role, List<String> bindMounts,
                            List<String> publishedPorts, List<String> networks) {

        public Container {
            bindMounts = List.copyOf(bindMounts);
            publishedPorts = List.copyOf(publishedPorts);
            networks = List.copyOf(networks);
        }
    }
}
