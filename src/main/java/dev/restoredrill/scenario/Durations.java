package dev.restoredrill.scenario;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as operators write them in scenarios and runbooks: {@code 24h}, {@code 7d}, {@code 90m},
 * {@code 45s}, or a sum such as {@code 1h30m}. ISO-8601 ({@code PT24H}) is deliberately not accepted:
 * one spelling per scenario keeps them easy to read and to review.
 */
public final class Durations {

    /** The accepted forms, for error messages. */
    public static final String FORMS = "a duration like 24h, 7d, 90m, 45s or 1h30m";

    private static final Pattern WHOLE = Pattern.compile("(?:\\d+[dhms])+");
    private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");

    private Durations() {
    }

    /**
     * @throws IllegalArgumentException if {@code text} is not one of {@link #FORMS}
     */
    public static Duration parse(String text) {
        String compact = text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        if (!WHOLE.matcher(compact).matches()) {
            throw new IllegalArgumentException("expected " + FORMS);
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(compact);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            });
        }
        return total;
    }

    /** The shortest spelling {@link #parse} reads back to the same duration: 26h, 7d, 1h30m, 0s. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        long seconds = duration.getSeconds();
        StringBuilder text = new StringBuilder();
        long[] unitSeconds = {86_400, 3_600, 60, 1};
        String[] unitNames = {"d", "h", "m", "s"};
        // 26h reads better than 1d2h: use days only when they are whole.
        int first = seconds % 86_400 == 0 ? 0 : 1;
        for (int i = first; i < unitSeconds.length; i++) {
            long amount = seconds / unitSeconds[i];
            if (amount > 0) {
                text.append(amount).append(unitNames[i]);
                seconds -= amount * unitSeconds[i];
            }
        }
        return text.toString();
    }
}
