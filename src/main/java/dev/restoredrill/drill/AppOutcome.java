package dev.restoredrill.drill;

import java.time.Duration;
import java.util.Optional;

/**
 * How one platform app started on the restored stores.
 *
 * @param failure why it is not healthy (not started, exited, unhealthy), with what to do; empty when healthy
 * @param logTail the last lines of its log (always kept: a healthy app's start log is evidence too)
 */
public record AppOutcome(String service, Duration elapsed, Optional<String> failure, String logTail) {

    public boolean healthy() {
        return failure.isEmpty();
    }
}
