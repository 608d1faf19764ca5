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

    ProgressListener NONE = (phase, items, bytes, took) -> { };
}
