package dev.restoredrill.verify;

import dev.restoredrill.outcome.Verdict;
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

    /** The outcome of one step (every step has one: a step after a failed one is SKIPPED). */
    public JourneyStep step(JourneyStage stage) {
        return steps.stream().filter(step -> step.number() == stage.number()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the journey recorded no step " + stage.title()));
    }

    /** The first step that did not pass, if any. */
    public Optional<JourneyStep> firstFailure() {
        return steps.stream().filter(step -> step.verdict().failed())
                .findFirst();
    }
}
