package dev.restoredrill.scenario;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean ...?" for misspelt keys and names: the closest candidate, if any is close enough. */
final class Suggestions {

    private Suggestions() {
    }

    static Optional<String> closest(String input, Collection<String> candidates) {
        String typed = input.toLowerCase();
        // Close enough: a couple of typos, a missing/extra suffix (expect vs expectation), or a prefix.
        return candidates.stream()
                .filter(candidate -> isClose(typed, candidate))
                .min(Comparator.comparingInt(candidate -> distance(typed, candidate)));
    }

    /** {@code " did you mean 'rpo'?"}, or empty; ready to append to a message. */
    static String didYouMean(String input, Collection<String> candidates) {
        return closest(input, candidates).map(candidate -> " Did you mean '" + candidate + "'?").orElse("");
    }

    private static boolean isClose(String typed, String candidate) {
        int allowed = Math.max(2, candidate.length() / 4);
        boolean affix = typed.length() >= 3 && (candidate.startsWith(typed) || typed.startsWith(candidate));
        return affix || distance(typed, candidate) <= allowed;
    }

    /** Levenshtein distance, two rows at a time. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
