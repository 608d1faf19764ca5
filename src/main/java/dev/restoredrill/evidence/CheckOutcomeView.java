package dev.restoredrill.evidence;

/** One scenario check (SQL, Mongo, ClickHouse, S3) as it ran against the restored stack. */
public record CheckOutcomeView(String name, String store, String severity, String verdict, String expected,
        String actual, String message) {
}
