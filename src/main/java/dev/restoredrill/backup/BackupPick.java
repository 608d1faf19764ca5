package dev.restoredrill.backup;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which night's backups a drill restores ({@code backups.pick} in the scenario, {@code -Ddrill.pick}): the newest
 * (the default), the set of one night, or a random night within a window, as AWS Backup's restore testing picks a
 * recovery point ({@code RANDOM_WITHIN_WINDOW} with {@code SelectionWindowDays}, default 30; AWS Backup developer
 * guide, API_RestoreTestingRecoveryPointSelection), so quarterly drills also prove the older backups an incident
 * may need.
 */
public sealed interface BackupPick {

    /** The forms {@link #parse} accepts, for error messages. */
    String FORMS = "'newest', 'date:YYYY-MM-DD' (the set of that night) or 'random-within:<N>d' (a random night"
            + " of the last N days, e.g. random-within:30d)";

    /** The system properties that override the scenario's pick and replay a random one. */
    String PROPERTY = "drill.pick";
    String SEED_PROPERTY = "drill.pick-seed";

    /** The pick as the scenario or {@code -Ddrill.pick} writes it: {@code newest}, {@code date:2026-05-12}, ... */
    String spec();

    /** In words for the report, e.g. "random within 30d, seed 42". */
    String describe();

    /** Each store's newest usable backup: the drill as the runbook describes it. */
    record Newest() implements BackupPick {
        @Override
        public String spec() {
            return "newest";
        }

        @Override
        public String describe() {
            return "newest (default)";
        }
    }

    /** The backups of one night (the date in their names), one per store; a store without one is a failure. */
    record OnDate(LocalDate night) implements BackupPick {
        @Override
        public String spec() {
            return "date:" + night;
        }

        @Override
        public String describe() {
            return "the night of " + night + " (asked for)";
        }
    }

    /**
     * A night drawn with {@code seed} among the nights of the last {@code days} days (the drill day counts as the
     * first) on which every store of the drill has a backup.
     *
     * @param seedGiven the seed came from {@code -Ddrill.pick-seed} (a replay) rather than being drawn
     */
    record RandomWithin(int days, long seed, boolean seedGiven) implements BackupPick {
        public RandomWithin {
            if (days < 1) {
                throw new IllegalArgumentException("random-within needs a window of at least 1 day, found " + days);
            }
        }

        @Override
        public String spec() {
            return "random-within:" + days + "d";
        }

        @Override
        public String describe() {
            return "random within " + days + "d, seed " + seed + (seedGiven ? " (given)" : " (drawn)")
                    + "; replay with -D" + PROPERTY + "=" + spec() + " -D" + SEED_PROPERTY + "=" + seed;
        }
    }

    Pattern DATE = Pattern.compile("date:(.*)");
    Pattern RANDOM = Pattern.compile("random-within:(\\d+)d");

    /**
     * Reads a pick.
     *
     * @param seed      {@code -Ddrill.pick-seed}, when given: replays a random pick
     * @param freshSeed draws a seed when none is given (the seed is printed in the report)
     * @throws IllegalArgumentException naming what was expected and what was found
     */
    static BackupPick parse(String text, Optional<String> seed, LongSupplier freshSeed) {
        String pick = text == null ? "" : text.strip();
        if (pick.isEmpty() || pick.equals("newest")) {
            return new Newest();
        }
        Matcher date = DATE.matcher(pick);
        if (date.matches()) {
            try {
                return new OnDate(LocalDate.parse(date.group(1).strip()));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("expected a date YYYY-MM-DD after 'date:', found '" + date.group(1)
                        + "'");
            }
        }
        Matcher random = RANDOM.matcher(pick);
        if (random.matches()) {
            int days;
            try {
                days = Integer.parseInt(random.group(1));
            } catch (NumberFormatException e) {
                days = 0;
            }
            if (days < 1 || days > 3660) {
                throw new IllegalArgumentException("expected a window of 1 to 3660 days in '" + pick + "'");
            }
            if (seed.isPresent() && !seed.get().isBlank()) {
                try {
                    return new RandomWithin(days, Long.parseLong(seed.get().strip()), true);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("-D" + SEED_PROPERTY + " expects the whole number a report"
                            + " printed as the pick's seed, found '" + seed.get() + "'");
                }
            }
            return new RandomWithin(days, freshSeed.getAsLong(), false);
        }
        throw new IllegalArgumentException("expected " + FORMS + ", found '" + pick + "'");
    }
}
