package dev.restoredrill.drill;

import dev.restoredrill.evidence.IsolationEvidence;
import dev.restoredrill.outcome.Failure;
import dev.restoredrill.outcome.FailureCategory;
import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.scenario.IsolationPlan;
import dev.restoredrill.stack.EgressProbe;
import dev.restoredrill.stack.HarnessRole;
import dev.restoredrill.stack.IsolationFacts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as isolated: the engine's facts and the egress probe, judged; every miss an "Isolation breach". */
class IsolationJudgementTest {

    private static final IsolationFacts.Network INTERNAL = new IsolationFacts.Network("drill-x_default", true);
    private static final IsolationFacts.Container AMBASSADOR = new IsolationFacts.Container("tc-socat-1", "",
            HarnessRole.AMBASSADOR, List.of(), List.of("0.0.0.0:32768 -> 5432/tcp"), List.of("bridge",
            "drill-x_default"));
    private static final IsolationFacts.Container POSTGRES = new IsolationFacts.Container("drill-x-postgres-1",
            "postgres", null, List.of(), List.of(), List.of("drill-x_default"));
    private static final EgressProbe.Result BLOCKED = new EgressProbe.Result("172.30.0.1:32801",
            new EgressProbe.Attempt("inside", false, "Network is unreachable"),
            new EgressProbe.Attempt("outside", true, "restore-drill-egress-probe"));

    @Test
    void internalNetworksOnlyAmbassadorsPublishingAndABlockedProbePass() {
        IsolationEvidence evidence = IsolationJudgement.judge(facts(List.of(INTERNAL), AMBASSADOR, POSTGRES), BLOCKED,
                IsolationPlan.ISOLATED);

        assertThat(evidence.verdict()).isEqualTo(Verdict.PASS);
        assertThat(evidence.problems()).isEmpty();
        assertThat(evidence.ambassadors()).singleElement().asString()
                .contains("tc-socat-1", "0.0.0.0:32768 -> 5432/tcp", "bridge, drill-x_default");
        assertThat(evidence.publishedPorts()).isEmpty();
        assertThat(evidence.probe().insideBlocked()).isTrue();
        assertThat(evidence.egressWarning()).isNull();
    }

    @Test
    void aNetworkWithARouteOutAndAProbeThatConnectsFailTheDrill() {
        EgressProbe.Result connected = new EgressProbe.Result("172.30.0.1:32801",
                new EgressProbe.Attempt("inside", true, "restore-drill-egress-probe"), BLOCKED.outside());
        IsolationEvidence evidence = IsolationJudgement.judge(facts(List.of(new IsolationFacts.Network(
                "drill-x_default", false)), AMBASSADOR, POSTGRES), connected, IsolationPlan.ISOLATED);

        assertThat(evidence.verdict()).isEqualTo(Verdict.FAIL);
        List<Failure> failures = IsolationJudgement.failures(evidence);
        assertThat(failures).extracting(Failure::category).containsOnly(FailureCategory.ISOLATION_BREACH);
        assertThat(failures).extracting(Failure::message).containsExactly(
                "Isolation breach: the drill network drill-x_default is not internal: restored apps have a route out "
                        + "(compose/drill.override.yml sets networks.default.internal: true; was -Ddrill.isolation=off "
                        + "given?)",
                "Isolation breach: the egress probe connected from inside the drill network to the harness's test "
                        + "host 172.30.0.1:32801: the drill can reach outside itself");
    }

    @Test
    void aBindMountOrAServicesPublishedPortFailsEvenWhenTheProbeIsBlocked() {
        IsolationFacts.Container librechat = new IsolationFacts.Container("drill-x-librechat-1", "librechat", null,
                List.of("/srv/compose/librechat.yaml -> /app/librechat.yaml"), List.of("0.0.0.0:3080 -> 3080/tcp"),
                List.of("drill-x_default"));
        IsolationEvidence evidence = IsolationJudgement.judge(facts(List.of(INTERNAL), AMBASSADOR, librechat), BLOCKED,
                IsolationPlan.ISOLATED);

        assertThat(evidence.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(evidence.bindMounts()).containsExactly("librechat: /srv/compose/librechat.yaml -> /app/librechat.yaml");
        assertThat(evidence.publishedPorts()).containsExactly("librechat: 0.0.0.0:3080 -> 3080/tcp");
        assertThat(evidence.problems()).hasSize(2);
    }

    @Test
    void aProbeWhoseControlFailedProvesNothingAndFails() {
        EgressProbe.Result nothing = new EgressProbe.Result("172.30.0.1:32801", BLOCKED.inside(),
                new EgressProbe.Attempt("outside", false, "Connection refused"));
        IsolationEvidence evidence = IsolationJudgement.judge(facts(List.of(INTERNAL), POSTGRES), nothing,
                IsolationPlan.ISOLATED);

        assertThat(evidence.problems()).singleElement().asString().contains("proves nothing", "Connection refused");
    }

    @Test
    void noDrillNetworkAtAllIsNotIsolation() {
        assertThat(IsolationJudgement.judge(facts(List.of(), POSTGRES), BLOCKED, IsolationPlan.ISOLATED).problems())
                .singleElement().asString().contains("no network of the drill's compose project");
    }

    @Test
    void allowedDestinationsAreRecordedForTheRedLettersWithoutFailingTheDrill() {
        IsolationEvidence evidence = IsolationJudgement.judge(facts(List.of(INTERNAL), POSTGRES), BLOCKED,
                new IsolationPlan(List.of(IsolationPlan.Destination.parse("api.openai.com:443"))));

        assertThat(evidence.verdict()).isEqualTo(Verdict.PASS);
        assertThat(evidence.allowedEgress()).containsExactly("api.openai.com:443");
        assertThat(evidence.egressWarning()).startsWith("EGRESS ALLOWED: this drill could reach api.openai.com:443");
    }

    private static IsolationFacts facts(List<IsolationFacts.Network> networks, IsolationFacts.Container... containers) {
        return new IsolationFacts("20.10.24", "unix:///var/run/docker.sock", networks, List.of(containers));
    }
}
