package dev.restoredrill.evidence;

/** A test as the rendered report lists it: its name and its status icon (passed, failed, broken, skipped). */
public record RenderedTest(String name, String status) {
}
