package dev.restoredrill.drill;

import dev.restoredrill.evidence.IsolationEvidence;
import dev.restoredrill.outcome.Failure;
import dev.restoredrill.outcome.FailureCategory;
import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.scenario.IsolationPlan;
import dev.restoredrill.stack.EgressProbe;
import dev.restoredrill.stack.HarnessRole;
import dev.restoredrill.stack.IsolationFacts;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a drill stack was isolated, from what the engine showed and what the egress probe found: every drill
 * network internal, no bind mount anywhere, no published port but the harness's ambassadors', the probe blocked
 * from inside while its control connected from outside. Each miss is an "Isolation breach" failure.
 */
final class IsolationJudgement {

    private IsolationJudgement() {
    }

    static IsolationEvidence judge(IsolationFacts facts, EgressProbe.Result probe, IsolationPlan plan) {
        List<String> problems = new ArrayList<>();
        if (facts.networks().isEmpty()) {
            problems.add("no network of the drill's compose project was found, so none can be shown internal");
        }
        facts.networks().stream().filter(n -> !n.internal()).forEach(n -> problems.add("the drill network "
                + n.name() + " is not internal: restored apps have a route out (compose/drill.override.yml sets "
                + "networks.default.internal: true; was -Ddrill.isolation=off given?)"));
        List<String> ambassadors = new ArrayList<>();
        List<String> binds = new ArrayList<>();
        List<String> published = new ArrayList<>();
        for (IsolationFacts.Container container : facts.containers()) {
            String who = container.service().isEmpty() ? container.name() : container.service();
            container.bindMounts().forEach(bind -> binds.add(who + ": " + bind));
            if (container.role() == HarnessRole.AMBASSADOR) {
                ambassadors.add(container.name() + " (" + (container.publishedPorts().isEmpty() ? "no published port"
                        : String.join(", ", container.publishedPorts())) + "; networks "
                        + String.join(", ", container.networks()) + ")");
            } else {
                container.publishedPorts().forEach(port -> published.add(who + ": " + port));
            }
        }
        if (!binds.isEmpty()) {
            problems.add("bind mounts in the drill: " + String.join("; ", binds)
                    + "; a drill container may only use volumes (the drill host may be another machine)");
        }
        if (!published.isEmpty()) {
            problems.add("ports published on the drill host by the drill's services: " + String.join("; ", published)
                    + "; only the harness's ambassadors may publish a port");
        }
        if (!probe.inside().connected() && !probe.outside().connected()) {
            problems.add("the egress probe proves nothing: its control from outside the drill network could not "
                    + "reach the test host " + probe.target() + " either (" + probe.outside().output() + ")");
        } else if (probe.inside().connected()) {
            problems.add("the egress probe connected from inside the drill network to the harness's test host "
                    + probe.target() + ": the drill can reach outside itself");
        }
        List<String> allowed = plan.allowEgress().stream().map(IsolationPlan.Destination::toString).toList();
        return new IsolationEvidence(facts.engineVersion(), facts.engineAddress(), facts.networks().stream()
                .map(n -> new IsolationEvidence.NetworkView(n.name(), n.internal())).toList(), ambassadors, binds,
                published, new IsolationEvidence.ProbeView(probe.target(), !probe.inside().connected(),
                        probe.inside().output(), probe.outside().connected(), probe.outside().output()),
                allowed, problems.isEmpty() ? Verdict.PASS : Verdict.FAIL, problems);
    }

    /** The evidence's problems as the drill's failures. */
    static List<Failure> failures(IsolationEvidence evidence) {
        return evidence.problems().stream().map(FailureCategory.ISOLATION_BREACH::failure).toList();
    }
}
