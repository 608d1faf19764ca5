package dev.restoredrill.backup;

import java.time.LocalDate;
import java.util.List;

/**
 * What the drill's pick ({@link BackupPick}) decided over all stores at once (MANIFEST.md, {@code pick}).
 *
 * @param spec     the pick as written: {@code newest}, {@code date:2026-05-12}, {@code random-within:30d}
 * @param seed     the seed of a random pick, else null: {@code -Ddrill.pick-seed=<seed>} replays it
 * @param night    the night whose backups are restored, or null for each store's newest
 * @param reason   why, in words, e.g. "random within 30d, seed 42: 2026-05-12, one of 30 nights ..."
 * @param eligible the nights a random pick drew from (every store has a backup that night), oldest first;
 *                 empty for the other picks
 * @param failure  why no night could be picked (every store then fails with it), else null
 */
public record PickDecision(String spec, Long seed, LocalDate night, String reason, List<LocalDate> eligible,
        String failure) {

    public PickDecision {
        eligible = eligible == null ? List.of() : List.copyOf(eligible);
    }

    static PickDecision newest() {
        return new PickDecision("newest", null, null, "newest: each store's newest usable backup", List.of(), null);
    }

    /** True when the drill restores each store's newest backup. */
    public boolean newestPicked() {
        return night == null && failure == null;
    }
}
