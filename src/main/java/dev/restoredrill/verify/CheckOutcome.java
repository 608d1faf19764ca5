package dev.restoredrill.verify;

import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.scenario.Severity;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One check's result, as the report shows it. Never holds a secret.
 *
 * @param expected the expectation's phrase, e.g. {@code >= 1}
 * @param actual   the measured value, e.g. {@code 42} or {@code 2026-11-23T21:10:00Z}; empty when nothing was measured
 * @param message  why, in one or two sentences: both numbers on FAIL, what to do on ERROR
 * @param query    the query, filter or listing as run, for the evidence
 * @param counted  what an integrity probe looked at, by name ("bytes read" → 1204), for the throughput evidence;
 *                 empty for other checks
 */
public record CheckOutcome(String name, String store, Severity severity, Verdict verdict, String expected,
                           String actual, String message, String query, Duration elapsed, Map<String, Long> counted) {

    public CheckOutcome {
        counted = counted == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(counted));
    }

    /** A check that counts nothing (every kind but the integrity probes). */
    public CheckOutcome(String name, String store, Severity severity, Verdict verdict, String expected, String actual,
            String message, String query, Duration elapsed) {
        this(name, store, severity, verdict, expected, actual, message, query, elapsed, Map.of());
    }
}
