package dev.restoredrill.backup;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The age of the chosen backup at drill time against the store's RPO.
 *
 * @param backupDate    the date in the file name
 * @param backupInstant when the backup is taken to have been made (see {@link #BASIS_RULE})
 * @param basis         {@code mtime} or {@code start_of_named_date_utc}: which rule gave the instant
 * @param age           drill time minus backup instant
 * @param met           age at most the RPO
 */
public record RpoCheck(LocalDate backupDate, Instant backupInstant, String basis, Duration age, boolean met) {

    /** The words a catalog failure about the RPO carries, so later stages tell it from a damaged backup. */
    public static final String MISSED = "RPO missed";

    static final String BASIS_MTIME = "mtime";
    static final String BASIS_START_OF_DATE = "start_of_named_date_utc";

    /** True for the catalog's RPO failure: the backup is usable, only too old. */
    public static boolean isMiss(String catalogFailure) {
        return catalogFailure.contains(MISSED);
    }

    /** The rule, as written into the manifest. */
    static final String BASIS_RULE = "backup instant = the file's mtime when it falls on the date in the name (UTC)"
            + " and not after the drill time (basis mtime); otherwise 00:00 UTC of the date in the name (basis"
            + " start_of_named_date_utc, the oldest the backup can be); age = drill time - backup instant;"
            + " PASS when age <= RPO";

    static RpoCheck assess(LocalDate backupDate, Instant modified, Duration rpo, Instant drillTime) {
        Instant startOfDate = backupDate.atStartOfDay(ZoneOffset.UTC).toInstant();
        boolean mtimeFits = modified != null
                && LocalDate.ofInstant(modified, ZoneOffset.UTC).equals(backupDate)
                && !modified.isAfter(drillTime);
        Instant instant = mtimeFits ? modified : startOfDate;
        Duration age = Duration.between(instant, drillTime);
        return new RpoCheck(backupDate, instant, mtimeFits ? BASIS_MTIME : BASIS_START_OF_DATE, age,
                age.compareTo(rpo) <= 0);
    }
}
