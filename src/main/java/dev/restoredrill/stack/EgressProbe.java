package dev.restoredrill.stack;

import dev.restoredrill.concurrent.ConcurrentWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The egress probe: the harness starts a test host of its own outside the drill network (a socat echo service on
 * a bridge network it creates, both labelled with the drill's id, its port published on that network's gateway
 * address only), then opens a TCP connection to it twice: from a probe container attached only to the drill network
 * (must fail: no route out) and from one on the test host's network (must succeed: the control, which shows the
 * test host was up, so a failure inside means something). The address probed is the drill host's own gateway
 * address and the published port, as any destination outside a container network is reached: through the drill
 * host's routing. (A container's address on another bridge network would not do: the engine drops traffic between
 * bridge networks, internal or not.) Only this test host is ever probed, never an outside address. Everything it
 * starts is removed afterwards.
 */
public final class EgressProbe {

    private static final Logger LOG = LoggerFactory.getLogger(EgressProbe.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    static final int PORT = 7070;
    static final String GREETING = "restore-drill-egress-probe";
    /** A connection attempt gives up after this long: an internal network refuses at once, a filter may drop. */
    private static final int CONNECT_SECONDS = 5;
    private static final int NETWORK_ATTEMPTS = 3;

    private final DrillId drill;
    private final String drillNetwork;
    private final String probeImage;

    public EgressProbe(DrillId drill, String drillNetwork, String probeImage) {
        this.drill = drill;
        this.drillNetwork = drillNetwork;
        this.probeImage = probeImage;
    }

    /** The result of one probe: where from, whether the connection got the test host's greeting, what it printed. */
    public record Attempt(String from, boolean connected, String output) {
    }

    /**
     * @param target     the test host, as {@code address:port} on its own network
     * @param inside     the attempt from inside the drill network (isolated: not connected)
     * @param outside    the control from the test host's network (connected)
     */
    public record Result(String target, Attempt inside, Attempt outside) {

        /** Isolated: no connection from inside, while the control from outside connected. */
        public boolean isolated() {
            return !inside.connected() && outside.connected();
        }
    }

    public Result run() {
        String suffix = drill.value() + "-egress-" + Long.toHexString(System.nanoTime() & 0xffffff);
        String target = suffix + "-target";
        List<String> created = new ArrayList<>();
        List<String> networks = new ArrayList<>();
        try {
            ProbeNetwork probeNetwork = createProbeNetwork(suffix, networks);
            String network = probeNetwork.name();
            String gateway = probeNetwork.gateway();
            List<String> run = new ArrayList<>(List.of("run", "-d", "--name", target, "--network", network,
                    "-p", gateway + "::" + PORT));
            run.addAll(labels(HarnessRole.PROBE_TARGET));
            run.addAll(List.of("--entrypoint", "socat", probeImage, "TCP-LISTEN:" + PORT + ",fork,reuseaddr",
                    "SYSTEM:echo " + GREETING));
            DockerCli.require(TIMEOUT, run);
            created.add(target);
            // The published port accepts (and drops) connections before socat listens: a control that failed for
            // that would fail the drill for nothing.
            ContainerListener.await(target, PORT, TIMEOUT);
            String published = DockerCli.require(TIMEOUT, "port", target, PORT + "/tcp").lines().findFirst()
                    .orElseThrow(() -> new IllegalStateException("the egress probe's test host published no port"))
                    .strip();
            String address = published.substring(0, published.lastIndexOf(':'));
            int port = Integer.parseInt(published.substring(published.lastIndexOf(':') + 1));
            // At once: the blocked attempt from inside lasts its whole timeout, the control a fraction of a second.
            List<Attempt> attempts = ConcurrentWork.run("egress-probe", 2, List.<Callable<Attempt>>of(
                    () -> attempt("inside (drill network " + drillNetwork + ")", drillNetwork, address, port),
                    () -> attempt("outside (network " + network + ")", network, address, port)));
            if (attempts.contains(null)) {
                throw new IllegalStateException("the egress probe of drill " + drill + " was interrupted before its "
                        + "two connection attempts ended");
            }
            Attempt inside = attempts.get(0);
            Attempt outside = attempts.get(1);
            Result result = new Result(address + ":" + port, inside, outside);
            LOG.info("egress probe of drill {}: inside {}, outside (control) {}", drill,
                    inside.connected() ? "CONNECTED" : "blocked", outside.connected() ? "connected" : "FAILED");
            return result;
        } finally {
            created.forEach(name -> DockerCli.run(TIMEOUT, "rm", "-f", "-v", name));
            networks.forEach(name -> DockerCli.run(TIMEOUT, "network", "rm", name));
        }
    }

    /**
     * The test host's network, apart from the drill network's address range. Were they to overlap, the test host's
     * gateway address would lie inside the drill network and a connection from inside would reach it without any
     * route out: a breach judged for nothing. The engine never hands out a range in use, but networks created at
     * the same moment (parallel drills or tests) have been given the same one (moby: "networks have overlapping
     * IPv4"), and removing one of them frees the range while the other still has it. An overlapping network is
     * kept until the probe ends, so the next one cannot be given the same range again.
     */
    private ProbeNetwork createProbeNetwork(String suffix, List<String> networks) {
        List<Subnet> drillRange = ipam(drillNetwork).stream().map(IpamConfig::subnet).toList();
        List<Subnet> range = List.of();
        for (int attempt = 1; attempt <= NETWORK_ATTEMPTS; attempt++) {
            String network = suffix + "-net" + (attempt == 1 ? "" : "-" + attempt);
            List<String> createNetwork = new ArrayList<>(List.of("network", "create"));
            createNetwork.addAll(labels(HarnessRole.PROBE_TARGET));
            createNetwork.add(network);
            DockerCli.require(TIMEOUT, createNetwork);
            networks.add(network);
            List<IpamConfig> configs = ipam(network);
            if (configs.isEmpty()) {
                throw new IllegalStateException("the engine created the egress probe's test host network " + network
                        + " without an address range (docker network inspect shows no IPAM config), so the probe has"
                        + " no gateway to publish on; check the engine's default address pools (daemon.json)");
            }
            range = configs.stream().map(IpamConfig::subnet).toList();
            if (range.stream().noneMatch(r -> drillRange.stream().anyMatch(r::overlaps))) {
                LOG.info("egress probe of drill {}: test host network {} on {}, drill network {} on {}", drill,
                        network, range, drillNetwork, drillRange);
                return new ProbeNetwork(network, configs.get(0).gateway());
            }
            LOG.warn("egress probe of drill {}: the engine gave the test host network {} the range {}, which overlaps "
                    + "the drill network's {}; creating another", drill, network, range, drillRange);
        }
        throw new IllegalStateException("the egress probe of drill " + drill + " needs a test host network apart from "
                + "the drill network " + drillNetwork + " (" + drillRange + "), but the engine gave " + NETWORK_ATTEMPTS
                + " networks in a row an overlapping range (last " + range + "); see `docker network ls` and "
                + "`docker network inspect` for networks sharing that range, remove the stale ones, and run the "
                + "drill again");
    }

    /** The test host's network: its name, and its gateway address, on which the test host publishes its port. */
    private record ProbeNetwork(String name, String gateway) {
    }

    /** One address range of a network, with its gateway address. */
    private record IpamConfig(Subnet subnet, String gateway) {
    }

    /** A network's address ranges and gateways, from one {@code docker network inspect}. */
    private static List<IpamConfig> ipam(String network) {
        return DockerCli.require(TIMEOUT, "network", "inspect", "--format",
                        "{{range .IPAM.Config}}{{.Subnet}},{{.Gateway}} {{end}}", network).strip().lines()
                .flatMap(line -> Arrays.stream(line.split("\\s+"))).filter(s -> !s.isBlank())
                .map(config -> new IpamConfig(Subnet.parse(config.substring(0, config.indexOf(','))),
                        config.substring(config.indexOf(',') + 1)))
                .toList();
    }

    /** A probe container on one network only, opening a connection with bash's /dev/tcp and reading the greeting. */
    private Attempt attempt(String from, String network, String address, int port) {
        List<String> args = new ArrayList<>(List.of("run", "--rm", "--network", network));
        args.addAll(labels(HarnessRole.PROBE));
        args.addAll(List.of("--entrypoint", "bash", probeImage, "-c",
                "timeout " + CONNECT_SECONDS + " bash -c 'exec 3<>/dev/tcp/" + address + "/" + port
                        + " && head -c 200 <&3' 2>&1; echo \"exit=$?\""));
        DockerCli.Result result = DockerCli.run(TIMEOUT, java.util.Map.of(), args);
        String output = (result.stdout() + result.stderr()).strip();
        return new Attempt(from, output.contains(GREETING), output);
    }

    private List<String> labels(HarnessRole role) {
        return DrillLabels.cliArgs(drill.value(), java.util.Map.of(HarnessRole.LABEL, role.value()));
    }

}
