package dev.restoredrill.verify;

import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.outcome.SecretMasker;
import io.qameta.allure.Allure;
import io.qameta.allure.model.Status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Runs the journey's steps in order, each as an Allure step with its masked exchanges attached, times them,
 * and turns their outcome into a {@link JourneyStep}: a {@link StepFailure} is a FAIL, anything else thrown an
 * ERROR; once a step did not pass, the later ones are SKIPPED.
 */
final class JourneyRecorder {

    /** A step's work: returns what later steps need, records its exchanges in the log. */
    interface StepBody<T> {
        T run(StepLog log) throws Exception;
    }

    /** What a step tells the recorder while it runs. */
    static final class StepLog {
        private final List<HttpExchange> exchanges = new ArrayList<>();
        private String message = "";

        void exchange(HttpExchange exchange) {
            exchanges.add(exchange);
        }

        /** What the step confirmed, for the report. */
        void passed(String message) {
            this.message = message;
        }
    }

    private final Clock clock;
    private final Collection<String> secrets;
    private final List<JourneyStep> steps = new ArrayList<>();
    private JourneyStep failed;

    /** @param secrets the live list of known secrets (it grows once the session token is known) */
    JourneyRecorder(Clock clock, Collection<String> secrets) {
        this.clock = clock;
        this.secrets = secrets;
    }

    <T> Optional<T> step(JourneyStage stage, StepBody<T> body) {
        int number = stage.number();
        String name = stage.title();
        String title = number + ". " + name;
        if (failed != null) {
            String message = "Skipped: step " + failed.number() + " (" + failed.name() + ") did not pass.";
            steps.add(new JourneyStep(number, name, Verdict.SKIPPED, message, Duration.ZERO, List.of()));
            Allure.step(title, Status.SKIPPED);
            return Optional.empty();
        }
        StepLog log = new StepLog();
        Object[] result = new Object[1];
        Verdict[] verdict = {Verdict.PASS};
        String[] message = new String[1];
        Instant start = clock.instant();
        try {
            Allure.step(title, () -> {
                try {
                    result[0] = body.run(log);
                    message[0] = log.message;
                } catch (StepFailure e) {
                    verdict[0] = Verdict.FAIL;
                    message[0] = e.getMessage();
                } catch (Exception e) {
                    verdict[0] = Verdict.ERROR;
                    message[0] = "The step broke unexpectedly: " + e
                            + ". Look at the drill's log and the exchanges attached.";
                } finally {
                    attach(title, log.exchanges);
                }
                if (verdict[0] == Verdict.FAIL) {
                    throw new AssertionError(mask(message[0])); // Allure shows an AssertionError as "failed"
                }
                if (verdict[0] == Verdict.ERROR) {
                    throw new IllegalStateException(mask(message[0])); // ... and anything else as "broken"
                }
            });
        } catch (AssertionError | IllegalStateException reportedToAllure) {
            // already recorded in verdict and message
        }
        List<HttpExchange> exchanges = log.exchanges;
        JourneyStep step = new JourneyStep(number, name, verdict[0], mask(message[0]),
                Duration.between(start, clock.instant()), exchanges);
        steps.add(step);
        if (verdict[0] != Verdict.PASS) {
            failed = step;
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return Optional.ofNullable(value);
    }

    /** True until a step did not pass. */
    boolean allPassed() {
        return failed == null;
    }

    JourneyOutcome outcome() {
        return JourneyOutcome.of(steps);
    }

    String mask(String text) {
        return SecretMasker.of(List.copyOf(secrets)).mask(text);
    }

    private static void attach(String title, List<HttpExchange> exchanges) {
        for (HttpExchange exchange : exchanges) {
            String name = title + ": " + exchange.method() + " " + exchange.url();
            if (exchange.requestBody() != null && !exchange.requestBody().isEmpty()) {
                Allure.addAttachment(name + " (request)", "application/json", exchange.requestBody(), ".json");
            }
            Allure.addAttachment(name + " → " + exchange.status(), "application/json", exchange.responseBody(),
                    ".json");
        }
    }
}
