package dev.restoredrill.backup;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns a {@link BackupPick} into the night the drill restores, over every store at once: the backups of one night
 * belong together (cross-store consistency), so a random pick draws among the nights on which every store has a
 * usable backup. The draw is {@code new Random(seed).nextInt(n)} over those nights oldest first; {@link Random}'s
 * algorithm is fixed by its specification, so the same seed, listing and drill day give the same night anywhere.
 */
final class NightPicker {

    private NightPicker() {}

    /** @param candidates each store's candidates as {@link BackupSelector#select} lists them */
    static PickDecision decide(BackupPick pick, Map<String, List<BackupCandidate>> candidates, LocalDate drillDay) {
        if (pick instanceof BackupPick.OnDate onDate) {
            return new PickDecision(pick.spec(), null, onDate.night(), onDate.night() + " asked for (" + pick.spec()
                    + "): the set of that night", List.of(), null);
        }
        if (pick instanceof BackupPick.RandomWithin random) {
            return draw(random, candidates, drillDay);
        }
        return PickDecision.newest();
    }

    private static PickDecision draw(BackupPick.RandomWithin pick, Map<String, List<BackupCandidate>> candidates,
            LocalDate drillDay) {
        LocalDate first = drillDay.minusDays(pick.days() - 1L);
        TreeSet<LocalDate> eligible = null;
        for (List<BackupCandidate> store : candidates.values()) {
            Set<LocalDate> nights = usableNights(store).stream()
                    .filter(d -> !d.isBefore(first) && !d.isAfter(drillDay)).collect(Collectors.toSet());
            if (eligible == null) {
                eligible = new TreeSet<>(nights);
            } else {
                eligible.retainAll(nights);
            }
        }
        List<LocalDate> nights = eligible == null ? List.of() : List.copyOf(eligible);
        String window = "between " + first + " and " + drillDay;
        if (nights.isEmpty()) {
            return new PickDecision(pick.spec(), pick.seed(), null, pick.describe(), List.of(), pick.spec()
                    + ": no night " + window + " has a backup of every store (" + nightsPerStore(candidates)
                    + "). A drill restores one night's set; widen the window, pick a night with"
                    + " -D" + BackupPick.PROPERTY + "=date:YYYY-MM-DD, or check the backup jobs.");
        }
        LocalDate night = nights.get(new Random(pick.seed()).nextInt(nights.size()));
        String which = night.equals(nights.get(nights.size() - 1)) ? "the newest of them, as it fell"
                : "an older set, on purpose";
        return new PickDecision(pick.spec(), pick.seed(), night, pick.describe() + ": drew " + night + " (" + which
                + ") among " + nights.size() + " night(s) " + window + " with a backup of every store", nights, null);
    }

    static TreeSet<LocalDate> usableNights(List<BackupCandidate> store) {
        return store.stream().filter(BackupCandidate::usable).map(BackupCandidate::date)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String nightsPerStore(Map<String, List<BackupCandidate>> candidates) {
        return candidates.entrySet().stream().map(e -> {
            TreeSet<LocalDate> nights = usableNights(e.getValue());
            return e.getKey() + ": " + (nights.isEmpty() ? "none" : nights.size() + " night(s), newest "
                    + nights.last());
        }).collect(Collectors.joining("; "));
    }
}
