package dev.restoredrill.verify;

import java.util.List;
import java.util.Optional;

/** The app journey's steps in order, and its verdict: PASS when every step passed, else the first failure's. */
public record JourneyOutcome(List<JourneyStep> steps, Verdict verdict) {

    public JourneyOutcome {
        steps = List.copyOf(steps);
    }

    static JourneyOutcome of(List<JourneyStep> steps) {
        Verdict verdict = steps.stream().map(JourneyStep::verdict).filter(v -> v != Verdict.PASS).findFirst()
                .orElse(Verdict.PASS);
        return new JourneyOutcome(steps, verdict);
    }

    /** The first step that did not pass, if any. */
    public Optional<JourneyStep> firstFailure() {
        return steps.stream().filter(step -> step.verdict() == Verdict.FAIL || step.verdict() == Verdict.ERROR)
                .findFirst();
    }
}
