package dev.restoredrill.restore;

import dev.restoredrill.outcome.Failure;
import java.time.Duration;
import java.util.List;

/**
 * How one store's restore went: its verdict, how long it took (RTO evidence), the notes it made on the way
 * (skipped system collections and the like) and the tail of its log.
 */
public record RestoreOutcome(String store, Status status, Duration elapsed, Failure failure, List<String> notes,
                             String logTail) {

    public enum Status { RESTORED, FAILED }

    public RestoreOutcome {
        notes = List.copyOf(notes);
    }

    public static RestoreOutcome restored(String store, Duration elapsed, List<String> notes, String logTail) {
        return new RestoreOutcome(store, Status.RESTORED, elapsed, null, notes, logTail);
    }

    public static RestoreOutcome failed(String store, Duration elapsed, Failure failure, String logTail) {
        return new RestoreOutcome(store, Status.FAILED, elapsed, failure, List.of(), logTail);
    }

    public boolean restored() {
        return status == Status.RESTORED;
    }
}
