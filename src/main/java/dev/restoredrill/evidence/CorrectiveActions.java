package dev.restoredrill.evidence;

import dev.restoredrill.outcome.Failure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Links a drill to the one before it: each of the previous drill's failures is {@code fixed} or
 * {@code still failing} now, and a failure's ticket (given now, or recorded before) stays with it until fixed.
 */
public final class CorrectiveActions {
    private CorrectiveActions() {}

    /**
     * @param tickets the operator's tickets given for this drill (key → ticket); they win over carried ones
     */
    public static DrillEvidence apply(DrillEvidence current, Optional<PastDrill> previous,
            Map<String, String> tickets) {
        Map<String, String> carried = new LinkedHashMap<>();
        Map<String, String> previousMessages = new LinkedHashMap<>();
        previous.ifPresent(p -> tracked(p.evidence()).forEach(f -> {
            previousMessages.putIfAbsent(f.key(), f.message());
            if (f.ticket() != null) {
                carried.putIfAbsent(f.key(), f.ticket());
            }
        }));
        FailureKeys keys = FailureKeys.of(current);
        List<TrackedFailure> now = new ArrayList<>();
        for (Failure failure : current.failures()) {
            String key = keys.key(failure);
            now.add(new TrackedFailure(key, failure.message(), tickets.getOrDefault(key, carried.get(key))));
        }
        List<CorrectiveAction> actions = new ArrayList<>();
        previousMessages.forEach((key, message) -> actions.add(new CorrectiveAction(key, previous.get().folder(),
                message, now.stream().anyMatch(f -> f.key().equals(key)) ? CorrectiveAction.STILL_FAILING
                        : CorrectiveAction.FIXED, tickets.getOrDefault(key, carried.get(key)))));
        return current.withCorrectiveActions(now, actions);
    }

    /** A drill's keyed failures: as recorded, or keyed now for evidence written before keys existed. */
    static List<TrackedFailure> tracked(DrillEvidence evidence) {
        if (!evidence.trackedFailures().isEmpty() || evidence.failures().isEmpty()) {
            return evidence.trackedFailures();
        }
        FailureKeys keys = FailureKeys.of(evidence);
        return evidence.failures().stream().map(f -> new TrackedFailure(keys.key(f), f.message(), null)).toList();
    }
}
