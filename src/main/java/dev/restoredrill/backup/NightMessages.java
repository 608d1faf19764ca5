package dev.restoredrill.backup;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What a store without a backup of the picked night is told: what exists nearby, and what to do. */
final class NightMessages {

    private NightMessages() {}

    static String noBackupThatNight(StoreBackupSpec spec, PickDecision decision, List<BackupCandidate> candidates) {
        LocalDate night = decision.night();
        List<BackupCandidate> usable = candidates.stream().filter(BackupCandidate::usable).toList();
        Optional<BackupCandidate> before = usable.stream().filter(c -> c.date().isBefore(night))
                .max(Comparator.comparing(BackupCandidate::date));
        Optional<BackupCandidate> after = usable.stream().filter(c -> c.date().isAfter(night))
                .min(Comparator.comparing(BackupCandidate::date));
        String nearby = before.isEmpty() && after.isEmpty() ? "there is no usable backup at all"
                : "the nearest are " + before.map(c -> c.fileName() + " (" + nights(c.date(), night) + " before)")
                        .orElse("none before") + " and " + after.map(c -> c.fileName() + " ("
                        + nights(night, c.date()) + " after)").orElse("none after");
        return "no backup of the night " + night + " matches '" + spec.filePattern() + "' (pick " + decision.spec()
                + "): " + nearby + ". The drill restores one night's set: pick a night every store has with -D"
                + BackupPick.PROPERTY + "=date:YYYY-MM-DD, or leave the pick out for each store's newest.";
    }

    private static String nights(LocalDate from, LocalDate to) {
        long n = ChronoUnit.DAYS.between(from, to);
        return n + (n == 1 ? " night" : " nights");
    }
}
