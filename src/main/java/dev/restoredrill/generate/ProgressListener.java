package dev.restoredrill.generate;

import java.time.Duration;

/** Hears about each finished phase of long work: what, how much, how long. */
public interface ProgressListener {
    /**
     * @param phase what was done, e.g. "mongodb: load up to 2026-05-25" or "pg_2026-05-25.sql.gz"
     * @param items rows, documents or objects (0 when it does not apply)
     * @param bytes bytes loaded or written
     */
    void phaseDone(String phase, long items, long bytes, Duration took);

    /** A long phase still running: how much so far, in how long. */
    default void inProgress(String phase, long bytes, Duration elapsed) {
    }

    ProgressListener NONE = (phase, items, bytes, took) -> { };
}
