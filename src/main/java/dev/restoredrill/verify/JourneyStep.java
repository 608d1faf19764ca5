package dev.restoredrill.verify;

import dev.restoredrill.outcome.Verdict;
import java.time.Duration;
import java.util.List;

/**
 * One step of the app journey.
 *
 * @param message what the step found: on PASS what it confirmed, on FAIL/ERROR why, on SKIPPED which step failed
 */
public record JourneyStep(int number, String name, Verdict verdict, String message, Duration elapsed,
                          List<HttpExchange> exchanges) {

    public JourneyStep {
        exchanges = List.copyOf(exchanges);
    }
}
