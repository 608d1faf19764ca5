package dev.restoredrill.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Invariant checks shared by the plan records, so a plan built in code is as sound as a loaded one. */
final class Plans {

    private Plans() {
    }

    static String requireText(String value, String component) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(component + " must not be blank");
        }
        return value;
    }

    static <T> T requireNonNull(T value, String component) {
        if (value == null) {
            throw new IllegalArgumentException(component + " must not be null");
        }
        return value;
    }

    /** An unmodifiable copy that keeps the scenario's order (Map.copyOf does not). */
    static Map<String, String> orderedCopy(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
