package dev.restoredrill.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restoredrill.outcome.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The isolation evidence in evidence.json, summary.md and summary.html; allowed egress in red letters. */
class IsolationEvidenceTest {

    private static final IsolationEvidence ISOLATED = new IsolationEvidence("20.10.24", "tcp://ops:******@drill-host:2376",
            List.of(new IsolationEvidence.NetworkView("drill-20261124-abc123_default", true)),
            List.of("ambassador-1 (0.0.0.0:32768 -> 5432/tcp; networks bridge, drill-20261124-abc123_default)"),
            List.of(), List.of(), new IsolationEvidence.ProbeView("172.30.0.1:32801", true,
                    "bash: connect: Network is unreachable exit=1", true, "restore-drill-egress-probe exit=0"),
            List.of(), Verdict.PASS, List.of());

    private static DrillEvidence drill(IsolationEvidence isolation) {
        return SampleEvidence.failed(false, Instant.parse("2026-11-24T02:00:00Z")).withIsolation(isolation);
    }

    @Test
    void evidenceJsonCarriesTheIsolationAndReadsItBack() throws Exception {
        DrillEvidence evidence = drill(ISOLATED);
        JsonNode json = new ObjectMapper().readTree(EvidenceJson.write(evidence)).path("isolation");

        assertThat(json.path("engine_version").asText()).isEqualTo("20.10.24");
        assertThat(json.path("networks").get(0).path("internal").asBoolean()).isTrue();
        assertThat(json.path("probe").path("inside_blocked").asBoolean()).isTrue();
        assertThat(json.path("probe").path("outside_reached").asBoolean()).isTrue();
        assertThat(json.path("allowed_egress")).isEmpty();
        assertThat(EvidenceJson.read(EvidenceJson.write(evidence))).isEqualTo(evidence);
    }

    @Test
    void theSummaryShowsTheHostTheNetworksAndTheProbe() {
        String md = SummaryWriter.render(drill(ISOLATED), "2026-Q4");

        assertThat(md).contains("## Isolation", "**Isolation: PASS**",
                "| Drill host | tcp://ops:******@drill-host:2376 (Docker 20.10.24) |",
                "drill-20261124-abc123_default (internal)", "| Bind mounts | none |",
                "| Egress probe, inside | blocked — 172.30.0.1:32801 from the drill network |",
                "| Egress probe, control | connected — 172.30.0.1:32801 from the test host's network |",
                "| Egress allowed | none |");
        assertThat(md).doesNotContain(SummaryWriter.RED_LINE);
    }

    @Test
    void allowedEgressIsSaidInRedLettersAtTheTop() {
        IsolationEvidence open = new IsolationEvidence("20.10.24", "unix:///var/run/docker.sock", ISOLATED.networks(),
                ISOLATED.ambassadors(), List.of(), List.of(), ISOLATED.probe(), List.of("api.openai.com:443"),
                Verdict.PASS, List.of());
        DrillEvidence evidence = drill(open);
        String md = SummaryWriter.render(evidence, "2026-Q4");

        String red = SummaryWriter.RED_LINE + "**EGRESS ALLOWED: this drill could reach api.openai.com:443";
        assertThat(md).contains(red);
        assertThat(md.indexOf(red)).isLessThan(md.indexOf("**Verdict:"));
        assertThat(SummaryHtml.render(md, "t", List.of()))
                .contains("<blockquote class=\"red\"><b>EGRESS ALLOWED: this drill could reach api.openai.com:443");
    }

    @Test
    void aBreachIsListedUnderTheIsolationSection() {
        IsolationEvidence breached = new IsolationEvidence("20.10.24", "unix:///var/run/docker.sock",
                List.of(new IsolationEvidence.NetworkView("drill-x_default", false)), List.of(), List.of(), List.of(),
                new IsolationEvidence.ProbeView("172.30.0.1:32801", false, "restore-drill-egress-probe", true, "ok"),
                List.of(), Verdict.FAIL, List.of("the egress probe connected from inside the drill network"));
        String md = SummaryWriter.render(drill(breached), "2026-Q4");

        assertThat(md).contains("**Isolation: FAIL**", "drill-x_default (NOT internal: has a route out)",
                "| Egress probe, inside | **CONNECTED** —", "- the egress probe connected from inside the drill network");
    }

    @Test
    void aDrillWhoseStackDidNotRunSaysSo() {
        assertThat(SummaryWriter.render(drill(null), "2026-Q4")).contains("## Isolation\n\nNot measured");
    }
}
