package dev.restoredrill.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects what a probe counts and finds, with a bounded list of failures, into an {@link IntegrityResult}. */
final class IntegrityFindings {
    static final int MAX_FAILURES_LISTED = 100;

    private final String store;
    private final String probe;
    private final long startNanos = System.nanoTime();
    private final Map<String, Long> counted = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private long failureCount;
    private boolean unsupported;
    private String error;

    IntegrityFindings(String store, String probe) {
        this.store = store;
        this.probe = probe;
    }

    /** Declares a count (shown even when it stays 0), in the order given. */
    IntegrityFindings counts(String... what) {
        for (String w : what) {
            counted.putIfAbsent(w, 0L);
        }
        return this;
    }

    void add(String what, long n) {
        counted.merge(what, n, Long::sum);
    }

    void fail(String failure) {
        failureCount++;
        if (failures.size() < MAX_FAILURES_LISTED) {
            failures.add(failure);
        }
    }

    void note(String note) {
        if (notes.size() < MAX_FAILURES_LISTED) {
            notes.add(note);
        }
    }

    void unsupported(String why) {
        unsupported = true;
        note(why);
    }

    void error(String why) {
        error = why;
    }

    /**
     * The databases to probe: all of {@code present}, or the {@code wanted} ones, each wanted one that is not
     * present recorded as a failure (a check that names a database the restore lost must not pass).
     */
    static List<String> chosen(List<String> present, List<String> wanted, IntegrityFindings findings, String where) {
        if (wanted.isEmpty()) {
            return present;
        }
        for (String name : wanted) {
            if (!present.contains(name)) {
                findings.fail("database \"" + name + "\" is not in " + where + " (it has: " + String.join(", ", present)
                        + "); it was lost in the restore, or the check names the wrong database.");
            }
        }
        return present.stream().filter(wanted::contains).toList();
    }

    boolean failed() {
        return failureCount > 0;
    }

    IntegrityResult result() {
        List<String> listed = new ArrayList<>(failures);
        if (failureCount > failures.size()) {
            listed.add("... and " + (failureCount - failures.size()) + " more failures not listed.");
        }
        if (error != null) {
            listed.add(0, error);
        }
        IntegrityResult.Status status = error != null ? IntegrityResult.Status.ERROR
                : failureCount > 0 ? IntegrityResult.Status.FAIL
                : unsupported ? IntegrityResult.Status.NOT_SUPPORTED : IntegrityResult.Status.PASS;
        return new IntegrityResult(store, probe, status, counted, listed, notes,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }
}
