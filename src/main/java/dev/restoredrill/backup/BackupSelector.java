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
            + " never chosen; a date after the drill day (UTC) is listed as FUTURE_DATE and never chosen; with a"
            + " pick of another night (see pick) the same rule among that night's files, newer ones listed as NEWER";

    private static final Comparator<BackupCandidate> NEWEST_FIRST = Comparator
            .comparing(BackupCandidate::date, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(BackupCandidate::modified, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(BackupCandidate::fileName, Comparator.reverseOrder());

    private BackupSelector() {}

    /** The store's candidates, newest first, the newest usable one (if any) marked CHOSEN. */
    static List<BackupCandidate> select(List<ListedFile> listing, StoreBackupSpec spec, LocalDate drillDay) {
        return select(listing, spec, drillDay, Optional.empty());
    }

    /**
     * The store's candidates, newest first, with the chosen one marked CHOSEN: the newest usable one, or with a
     * {@code night} the newest usable one of that night, the usable ones after it marked NEWER (passed over).
     */
    static List<BackupCandidate> select(List<ListedFile> listing, StoreBackupSpec spec, LocalDate drillDay,
            Optional<LocalDate> night) {
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
        boolean chosen = false;
        for (int i = 0; i < candidates.size() && !chosen; i++) {
            BackupCandidate candidate = candidates.get(i);
            if (candidate.status() != BackupCandidate.Status.OLDER) {
                continue;
            }
            if (night.isEmpty() || candidate.date().equals(night.get())) {
                candidates.set(i, candidate.withStatus(BackupCandidate.Status.CHOSEN));
                chosen = true;
            } else if (candidate.date().isAfter(night.get())) {
                candidates.set(i, candidate.withStatus(BackupCandidate.Status.NEWER));
            }
        }
        return List.copyOf(candidates);
    }

    /** The newest usable candidate, whatever was chosen: the one the RPO is judged on. */
    static Optional<BackupCandidate> newestUsable(List<BackupCandidate> candidates) {
        return candidates.stream().filter(BackupCandidate::usable).findFirst();
    }

    static Optional<BackupCandidate> chosen(List<BackupCandidate> candidates) {
        return candidates.stream().filter(c -> c.status() == BackupCandidate.Status.CHOSEN).findFirst();
    }
}
