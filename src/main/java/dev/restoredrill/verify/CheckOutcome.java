package dev.restoredrill.verify;

import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.scenario.Severity;

import java.time.Duration;

/**
 * One check's result, as the report shows it. Never holds a secret.
 *
 * @param expected the expectation's phrase, e.g. {@code >= 1}
 * @param actual   the measured value, e.g. {@code 42} or {@code 2026-11-23T21:10:00Z}; empty when nothing was measured
 * @param message  why, in one or two sentences: both numbers on FAIL, what to do on ERROR
 * @param query    the query, filter or listing as run, for the evidence
 */
public record CheckOutcome(String name, String store, Severity severity, Verdict verdict, String expected,
                           String actual, String message, String query, Duration elapsed) {
}
