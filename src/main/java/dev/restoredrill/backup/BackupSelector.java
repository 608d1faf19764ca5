package dev.restoredrill.backup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Picks a store's newest usable backup among the files a backup source lists. */
final class BackupSelector {

    /** The rule, as written into the manifest. */
    static final String RULE = "newest = latest {date} (YYYY-MM-DD) in the file name; same date: latest mtime,"
            + " then greatest name; a name whose {date} is not a valid date is listed as UNPARSABLE_DATE and"
            + " never chosen; a date after the drill day (UTC) is listed as FUTURE_DATE and never chosen";

    private static final Comparator<BackupCandidate> NEWEST_FIRST = Comparator
            .comparing(BackupCandidate::date, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(BackupCandidate::modified, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(BackupCandidate::fileName, Comparator.reverseOrder());

    private BackupSelector() {}

    /** The store's candidates, newest first, the chosen one (if any) marked CHOSEN. */
    static List<BackupCandidate> select(List<ListedFile> listing, StoreBackupSpec spec, LocalDate drillDay) {
        BackupFileNamePattern pattern = BackupFileNamePattern.compile(spec.filePattern());
        List<BackupCandidate> candidates = new ArrayList<>();
        for (ListedFile entry : listing) {
            String name = entry.name();
            if (!pattern.matches(name)) {
                continue;
            }
            LocalDate date = pattern.dateOf(name).orElse(null);
            BackupCandidate.Status status = date == null ? BackupCandidate.Status.UNPARSABLE_DATE
                    : date.isAfter(drillDay) ? BackupCandidate.Status.FUTURE_DATE
                    : BackupCandidate.Status.OLDER;
            candidates.add(new BackupCandidate(name, date, entry.modified(), status));
        }
        candidates.sort(NEWEST_FIRST);
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).status() == BackupCandidate.Status.OLDER) {
                candidates.set(i, candidates.get(i).withStatus(BackupCandidate.Status.CHOSEN));
                break;
            }
        }
        return List.copyOf(candidates);
    }

    static Optional<BackupCandidate> chosen(List<BackupCandidate> candidates) {
        return candidates.stream().filter(c -> c.status() == BackupCandidate.Status.CHOSEN).findFirst();
    }
}
