package dev.restoredrill.stack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The only way out of an isolated drill, for the destinations a scenario allows ({@code isolation.allow_egress}):
 * one socat forwarder per destination, started on the engine's default bridge (which has a route out) and joined to
 * the drill's internal network under the destination's own host name, so a restored app that calls
 * {@code api.example.com:443} reaches the forwarder and through it the real host (TLS passes through untouched).
 * Nothing else gets out. The forwarders are labelled with the drill's id and removed with the stack.
 */
public final class EgressGateway {

    private static final Logger LOG = LoggerFactory.getLogger(EgressGateway.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private EgressGateway() {
    }

    /** A destination as the scenario names it. */
    public record Destination(String host, int port) {
    }

    /** Starts one forwarder per destination; returns their container names. */
    public static List<String> open(DrillId drill, String drillNetwork, String socatImage,
                                    List<Destination> destinations) {
        return open(drill, drillNetwork, socatImage, destinations, Map.of());
    }

    /**
     * As {@link #open(DrillId, String, String, List)}, with host names the forwarders resolve to fixed addresses
     * ({@code docker run --add-host}): for destinations the drill host's DNS does not know, such as a test's.
     */
    public static List<String> open(DrillId drill, String drillNetwork, String socatImage,
                                    List<Destination> destinations, Map<String, String> knownHosts) {
        List<String> started = new ArrayList<>();
        for (Destination destination : destinations) {
            String name = drill.value() + "-egress-" + destination.host().replace('.', '-') + "-" + destination.port();
            List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name));
            args.addAll(DrillLabels.cliArgs(drill.value(), Map.of(HarnessRole.LABEL,
                    HarnessRole.EGRESS_GATEWAY.value())));
            knownHosts.forEach((host, address) -> args.addAll(List.of("--add-host", host + ":" + address)));
            args.addAll(List.of("--entrypoint", "socat", socatImage,
                    "TCP-LISTEN:" + destination.port() + ",fork,reuseaddr",
                    "TCP:" + destination.host() + ":" + destination.port()));
            DockerCli.require(TIMEOUT, args);
            started.add(name);
            DockerCli.require(TIMEOUT, "network", "connect", "--alias", destination.host(), drillNetwork, name);
            // Open means open: an app started next must not find the forwarder's port still closed.
            ContainerListener.await(name, destination.port(), TIMEOUT);
            LOG.warn("drill {}: egress ALLOWED to {}:{} (scenario isolation.allow_egress)", drill, destination.host(),
                    destination.port());
        }
        return started;
    }
}
