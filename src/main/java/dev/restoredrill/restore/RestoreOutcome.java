package dev.restoredrill.restore;

import dev.restoredrill.outcome.Failure;
import java.time.Duration;
import java.util.List;

/**
 * How one store's restore went: its verdict, how long it took (RTO evidence), the notes it made on the way
 * (skipped system collections and the like) and the tail of its log.
 *
 * @param elapsed from the start of the restores until this store was restored: its share of the RTO, with the
 *                stack's start, its service's start and any wait for a restore slot
 * @param moving  the time the restore moved data (its extraction before the services start, its load after):
 *                what its MB/s is measured over; null when it failed
 */
public record RestoreOutcome(String store, Status status, Duration elapsed, Failure failure, List<String> notes,
                             String logTail, Duration moving) {

    public enum Status { RESTORED, FAILED }

    public RestoreOutcome {
        notes = List.copyOf(notes);
    }

    public static RestoreOutcome restored(String store, Duration elapsed, Duration moving, List<String> notes,
                                          String logTail) {
        return new RestoreOutcome(store, Status.RESTORED, elapsed, null, notes, logTail, moving);
    }

    public static RestoreOutcome failed(String store, Duration elapsed, Failure failure, String logTail) {
        return new RestoreOutcome(store, Status.FAILED, elapsed, failure, List.of(), logTail, null);
    }

    public boolean restored() {
        return status == Status.RESTORED;
    }
}
