package dev.restoredrill.verify;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of one engine-native integrity probe on a restored store: what it looked at (counted), how long
 * it took, and each problem it found.
 *
 * @param store    the store probed, e.g. "postgres"
 * @param probe    what ran, e.g. "amcheck (bt_index_check, heapallindexed)"
 * @param status   PASS, FAIL, NOT_SUPPORTED (the server cannot run this probe: never a pass) or ERROR
 * @param counted  what was looked at, in order, e.g. "B-tree indexes checked" → 41
 * @param failures what is wrong (FAIL), each naming the database/table/index/collection/object
 * @param notes    what was skipped or limited and why (e.g. an invalid index, a sample)
 * @param took     wall time of the probe
 */
public record IntegrityResult(String store, String probe, Status status, Map<String, Long> counted,
        List<String> failures, List<String> notes, Duration took) {

    public enum Status {
        PASS,
        FAIL,
        /** The server does not support the probe: nothing was verified, so it does not count as passed. */
        NOT_SUPPORTED,
        /** The probe could not run (connection refused, missing privilege). */
        ERROR;

        public boolean passed() {
            return this == PASS;
        }
    }

    public static final String NOT_SUPPORTED_TEXT = "not supported by this server";

    public IntegrityResult {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(status, "status");
        counted = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counted));
        failures = List.copyOf(failures);
        notes = List.copyOf(notes);
        Objects.requireNonNull(took, "took");
    }

    /** "41 B-tree indexes checked, 12 tables read, 10,204 rows read in 1.2 s", for a report line. */
    public String lookedAt() {
        String counts = counted.entrySet().stream()
                .map(e -> String.format(java.util.Locale.ROOT, "%,d %s", e.getValue(), e.getKey()))
                .collect(Collectors.joining(", "));
        return (counts.isEmpty() ? "nothing counted" : counts) + " in " + seconds(took);
    }

    /** One paragraph: status, what was looked at, the first failures, the notes. */
    public String message() {
        StringBuilder text = new StringBuilder(store).append(" ").append(probe).append(": ");
        text.append(switch (status) {
            case PASS -> "PASS";
            case FAIL -> "FAIL";
            case NOT_SUPPORTED -> NOT_SUPPORTED_TEXT + " (not counted as passed)";
            case ERROR -> "ERROR";
        }).append(" - ").append(lookedAt()).append('.');
        failures.stream().limit(5).forEach(f -> text.append(' ').append(f));
        if (failures.size() > 5) {
            text.append(" (and ").append(failures.size() - 5).append(" more)");
        }
        notes.forEach(n -> text.append(" Note: ").append(n));
        return text.toString();
    }

    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
