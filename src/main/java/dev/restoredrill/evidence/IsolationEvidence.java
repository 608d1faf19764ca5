package dev.restoredrill.evidence;

import dev.restoredrill.outcome.Verdict;

import java.util.List;

/**
 * The evidence that the drill stack was cut off from outside (issue 12; EVIDENCE.md "isolation"): the drill host,
 * its networks, what of the drill was open to the host (bind mounts, published ports: only the harness's
 * ambassadors may publish one), the egress probe, and the destinations the scenario allowed anyway.
 *
 * @param engineAddress  where the drill host's engine was reached, credentials masked
 * @param ambassadors    the harness's own ways in: name, published port, networks
 * @param bindMounts     bind mounts of any container of the drill ({@code container: source -> destination})
 * @param publishedPorts ports published by containers other than the ambassadors
 * @param allowedEgress  destinations the scenario lets the drill reach ({@code isolation.allow_egress}); not
 *                       empty means the drill was NOT isolated from them, and the report says so in red
 * @param problems       why the verdict is FAIL, one line each
 */
public record IsolationEvidence(String engineVersion, String engineAddress, List<NetworkView> networks,
                                List<String> ambassadors, List<String> bindMounts, List<String> publishedPorts,
                                ProbeView probe, List<String> allowedEgress, Verdict verdict, List<String> problems) {

    public IsolationEvidence {
        networks = networks == null ? List.of() : List.copyOf(networks);
        ambassadors = ambassadors == null ? List.of() : List.copyOf(ambassadors);
        bindMounts = bindMounts == null ? List.of() : List.copyOf(bindMounts);
        publishedPorts = publishedPorts == null ? List.of() : List.copyOf(publishedPorts);
        allowedEgress = allowedEgress == null ? List.of() : List.copyOf(allowedEgress);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** The red-letter line of a drill that was allowed to reach outside itself, or null. */
    public String egressWarning() {
        return allowedEgress.isEmpty() ? null : "EGRESS ALLOWED: this drill could reach " + String.join(", ",
                allowedEgress) + " (scenario isolation.allow_egress); restored apps may have called them.";
    }

    /** A drill network and whether it is internal (no route out). */
    public record NetworkView(String name, boolean internal) {
    }

    /**
     * The egress probe: a connection to a test host the harness started outside the drill network.
     *
     * @param target         the test host's address and port
     * @param insideBlocked  the connection from inside the drill network failed (what isolation requires)
     * @param outsideReached the control from the test host's network succeeded (so the probe means something)
     */
    public record ProbeView(String target, boolean insideBlocked, String insideOutput, boolean outsideReached,
                            String outsideOutput) {
    }
}
