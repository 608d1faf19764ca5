package dev.restoredrill.drill;

import dev.restoredrill.evidence.IsolationEvidence;
import dev.restoredrill.outcome.FailureCategory;
import dev.restoredrill.verify.JourneyOutcome;
import io.qameta.allure.Allure;

import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The drill's tests of its own isolation (issue 12): the stack cut off from outside, shown by the engine and by the
 * egress probe; and the journey's answer written by the drill's own model service, not a real provider.
 */
final class IsolationTests {

    private IsolationTests() {
    }

    static void isolated(DrillRun run, UnaryOperator<String> mask) {
        IsolationEvidence iso = run.isolation().orElseThrow(() -> new AssertionError(FailureCategory.ISOLATION_BREACH
                .message("the drill stack did not start, so its isolation cannot be shown: " + run.stackFailure()
                        .map(Throwable::getMessage).orElse("unknown"))));
        StringBuilder facts = new StringBuilder()
                .append("drill host: ").append(iso.engineAddress()).append(" (Docker ").append(iso.engineVersion())
                .append(")\n");
        iso.networks().forEach(n -> facts.append("network ").append(n.name()).append(n.internal() ? ": internal\n"
                : ": NOT internal\n"));
        facts.append("bind mounts: ").append(iso.bindMounts().isEmpty() ? "none" : String.join("; ", iso.bindMounts()))
                .append("\npublished ports (services): ").append(iso.publishedPorts().isEmpty() ? "none"
                        : String.join("; ", iso.publishedPorts()))
                .append("\nharness ambassadors (the only published ports): ").append(String.join("\n  ",
                        iso.ambassadors()));
        Allure.addAttachment("drill host, networks, mounts, ports", "text/plain", mask.apply(facts.toString()), ".txt");
        Allure.addAttachment("egress probe", "text/plain", mask.apply("test host (started by the harness, outside "
                + "the drill network): " + iso.probe().target()
                + "\ninside (must fail): " + (iso.probe().insideBlocked() ? "blocked" : "CONNECTED") + "\n  "
                + iso.probe().insideOutput()
                + "\noutside, the control (must connect): " + (iso.probe().outsideReached() ? "connected" : "FAILED")
                + "\n  " + iso.probe().outsideOutput()), ".txt");
        if (iso.egressWarning() != null) {
            // Red letters: the report's description of this test, and the summary's banner.
            Allure.descriptionHtml("<p style=\"color:#c00;font-size:16px;font-weight:bold\">"
                    + iso.egressWarning().replace("&", "&amp;").replace("<", "&lt;") + "</p>");
        }
        if (!iso.problems().isEmpty()) {
            fail(String.join("\n", IsolationJudgement.failures(iso).stream().map(f -> f.message()).toList()));
        }
    }

    static void answeredInside(DrillRun run) {
        JourneyOutcome journey = run.journey();
        if (journey.firstFailure().isPresent()) {
            fail(FailureCategory.JOURNEY_FAILURE.message("the journey did not get an answer, so where it came from "
                    + "cannot be shown"));
        }
        DrillRun.ModelProof proof = run.modelProof();
        Allure.addAttachment("model service", "text/plain", proof.message(), ".txt");
        if (!proof.proven()) {
            fail(FailureCategory.JOURNEY_FAILURE.message("the answer did not come from the drill's own model "
                    + "service: " + proof.message()));
        }
    }
}
