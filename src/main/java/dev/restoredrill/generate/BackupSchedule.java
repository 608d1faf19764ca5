package dev.restoredrill.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which nights have which backups, as the runbook schedules them: Postgres and MongoDB nightly for
 * the last {@code nightlyDays} days ending at {@code asOf}; ClickHouse and MinIO weekly, every
 * seventh of those days counting back from {@code asOf}, {@code weeklyCount} times.
 */
public record BackupSchedule(LocalDate asOf, int nightlyDays, int weeklyCount) {
    public BackupSchedule {
        if (nightlyDays < 1) {
            throw new GenerateException("Expected at least one day of backups, found " + nightlyDays + "; pass --days 1 or more.");
        }
        if (weeklyCount < 1 || (weeklyCount - 1) * 7 >= nightlyDays) {
            throw new GenerateException("Expected between 1 and " + ((nightlyDays - 1) / 7 + 1) + " weekly backups within "
                    + nightlyDays + " days, found " + weeklyCount + ".");
        }
    }

    /** The runbook's keep-30-days: a month of nightlies and the weeklies within it (4 for 30 days). */
    public static BackupSchedule of(LocalDate asOf, int days) {
        return new BackupSchedule(asOf, days, Math.max(1, Math.min(4, (days - 1) / 7 + 1)));
    }

    /** Every backup night, oldest first. */
    public List<LocalDate> nights() {
        List<LocalDate> nights = new ArrayList<>(nightlyDays);
        for (int back = nightlyDays - 1; back >= 0; back--) {
            nights.add(asOf.minusDays(back));
        }
        return nights;
    }

    public boolean isWeekly(LocalDate night) {
        long back = asOf.toEpochDay() - night.toEpochDay();
        return back >= 0 && back % 7 == 0 && back / 7 < weeklyCount;
    }
}
