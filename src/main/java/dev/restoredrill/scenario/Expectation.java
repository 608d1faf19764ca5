package dev.restoredrill.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a check's measured value must satisfy, written in the scenario as one short phrase.
 * A check measures one thing: a number (a count, a version flag) or a timestamp (the newest record).
 */
public sealed interface Expectation {

    /** The accepted forms, listed in every error about a bad {@code expect}. */
    String FORMS = "one of '>= N', '> N', '== N', '<= N', '< N' (N a whole number), '== backup', "
            + "'newest within <duration> of the backup date'";

    /** The phrase for reports, e.g. {@code >= 1} or {@code newest within 26h of the backup date}. */
    String describe();

    /**
     * Parses the scenario's phrase; case and spacing do not matter.
     *
     * @throws IllegalArgumentException naming the accepted {@link #FORMS}
     */
    static Expectation parse(String text) {
        String phrase = text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (EqualsBackup.PHRASE.matcher(phrase).matches()) {
            return new EqualsBackup();
        }
        Matcher fresh = FreshWithin.PHRASE.matcher(phrase);
        if (fresh.matches()) {
            Duration window;
            try {
                window = Durations.parse(fresh.group(1));
            } catch (IllegalArgumentException notADuration) {
                throw new IllegalArgumentException("expected " + Durations.FORMS + " after 'newest within'");
            }
            return new FreshWithin(window);
        }
        Matcher compare = Compare.PHRASE.matcher(phrase);
        if (compare.matches()) {
            try {
                return new Compare(Operator.bySymbol(compare.group(1)), Long.parseLong(compare.group(2)));
            } catch (NumberFormatException tooLarge) {
                throw new IllegalArgumentException("expected a number that fits in 64 bits");
            }
        }
        throw new IllegalArgumentException("expected " + FORMS);
    }

    /** The comparisons a numeric check may make. */
    enum Operator {
        AT_LEAST(">="), MORE_THAN(">"), EQUAL("=="), AT_MOST("<="), LESS_THAN("<");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        static Operator bySymbol(String symbol) {
            return Arrays.stream(values()).filter(op -> op.symbol.equals(symbol)).findFirst().orElseThrow();
        }

        public boolean test(long actual, long expected) {
            return switch (this) {
                case AT_LEAST -> actual >= expected;
                case MORE_THAN -> actual > expected;
                case EQUAL -> actual == expected;
                case AT_MOST -> actual <= expected;
                case LESS_THAN -> actual < expected;
            };
        }
    }

    /** The measured number compared with a constant: {@code >= 1}, {@code == 0}. */
    record Compare(Operator op, long value) implements Expectation {
        static final Pattern PHRASE = Pattern.compile("(>=|<=|==|>|<) ?(-?\\d+)");

        public Compare {
            Objects.requireNonNull(op, "op");
        }

        public boolean isSatisfiedBy(long actual) {
            return op.test(actual, value);
        }

        @Override
        public String describe() {
            return op.symbol() + " " + value;
        }
    }

    /**
     * The restored count equals what the backup itself holds (the backup catalog's count for the same
     * collection), so nothing was lost between the backup file and the running store.
     */
    record EqualsBackup() implements Expectation {
        static final Pattern PHRASE = Pattern.compile("== ?backup");

        public boolean isSatisfiedBy(long restored, long inBackup) {
            return restored == inBackup;
        }

        @Override
        public String describe() {
            return "== backup";
        }
    }

    /**
     * The newest record is at most {@code window} older than the backup: the backup caught recent
     * writes rather than a stale copy. A newest record after the backup's date is fine (the date in a
     * file name is the start of the day the backup ran).
     */
    record FreshWithin(Duration window) implements Expectation {
        static final Pattern PHRASE = Pattern.compile("newest within (.+) of the backup date");

        public FreshWithin {
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("expected a window longer than zero");
            }
        }

        public boolean isSatisfiedBy(Instant newest, Instant backupTakenAt) {
            return !newest.isBefore(backupTakenAt.minus(window));
        }

        @Override
        public String describe() {
            return "newest within " + Durations.format(window) + " of the backup date";
        }
    }

    /**
     * An integrity check's expectation: the store's own probe finds nothing wrong. Not written in a scenario
     * (an integrity check has no {@code expect}); a server that cannot run the probe does not satisfy it.
     */
    record Sound() implements Expectation {
        @Override
        public String describe() {
            return "no damage found";
        }
    }
}
