package dev.restoredrill.backup;

import java.time.Duration;

/**
 * Hears how a pass over a backup file goes: once at the start, about every two seconds while bytes flow
 * (so only big files report in between), and once at the end. The stores' files are scanned at the same
 * time: calls come from several threads.
 */
public interface ScanProgress {

    /** What is being read: a store's file, in a phase ({@code scan} or {@code re-hash}). */
    record Target(String store, String phase, String fileName, long sizeBytes) {}

    void started(Target target);

    /** @param bytesRead raw (compressed) bytes of the file read so far */
    void advanced(Target target, long bytesRead, double megabytesPerSecond);

    void finished(Target target, long bytesRead, Duration elapsed, double megabytesPerSecond);

    /** One line per event through slf4j (stderr with slf4j-simple). */
    static ScanProgress logging() {
        return new LoggingScanProgress();
    }

    static ScanProgress silent() {
        return new ScanProgress() {
            @Override
            public void started(Target target) {}

            @Override
            public void advanced(Target target, long bytesRead, double megabytesPerSecond) {}

            @Override
            public void finished(Target target, long bytesRead, Duration elapsed, double megabytesPerSecond) {}
        };
    }
}
