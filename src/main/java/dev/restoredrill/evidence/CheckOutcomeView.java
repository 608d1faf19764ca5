package dev.restoredrill.evidence;

import dev.restoredrill.outcome.Verdict;
/** One scenario check (SQL, Mongo, ClickHouse, S3) as it ran against the restored stack. */
public record CheckOutcomeView(String name, String store, String severity, Verdict verdict, String expected,
        String actual, String message) {
}
