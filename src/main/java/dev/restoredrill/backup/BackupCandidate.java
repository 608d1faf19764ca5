package dev.restoredrill.backup;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A file in the backups directory whose name matches a store's pattern.
 *
 * @param fileName the name in the directory
 * @param date     the {@code {date}} in the name, or null when it is not a valid YYYY-MM-DD date
 * @param modified the file's mtime, or null when it cannot be read (e.g. a dangling symlink)
 * @param status   what the selection made of it
 */
public record BackupCandidate(String fileName, LocalDate date, Instant modified, Status status) {

    public enum Status {
        /** The backup the drill scans and restores: the newest usable one, or the one the pick asked for. */
        CHOSEN,
        /** A usable backup newer than the chosen one, passed over on purpose by the drill's pick (never read). */
        NEWER,
        /** A usable backup older than the chosen one (or its same-date loser). */
        OLDER,
        /** The name matches the pattern but its {date} is not a valid YYYY-MM-DD date: never chosen. */
        UNPARSABLE_DATE,
        /** The date in the name is after the drill day (UTC): a clock or naming error, never trusted. */
        FUTURE_DATE
    }

    /** A backup the drill could restore: its name carries a valid date that is not in the future. */
    public boolean usable() {
        return status == Status.CHOSEN || status == Status.NEWER || status == Status.OLDER;
    }

    BackupCandidate withStatus(Status newStatus) {
        return new BackupCandidate(fileName, date, modified, newStatus);
    }
}
