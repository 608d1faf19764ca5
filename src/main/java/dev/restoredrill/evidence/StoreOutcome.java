package dev.restoredrill.evidence;

import dev.restoredrill.outcome.Verdict;
import java.time.Duration;
import java.util.List;

/**
 * One store's restore, as restored and verified.
 *
 * @param verdict      PASS, FAIL, or NOT_RUN when the drill never got to restore it
 * @param restoreTime  how long the restore took (the store's share of the RTO), null if it never ran
 * @param completeness in words, e.g. "12 tables, all counts equal"
 * @param differences  what the restored store lacks or holds beyond the backup, one line each
 * @param logTail      the last lines of the restore's log
 */
public record StoreOutcome(String store, Verdict verdict, Duration restoreTime, String completeness,
        List<String> differences, String logTail) {

    public StoreOutcome {
        differences = differences == null ? List.of() : List.copyOf(differences);
    }
}
