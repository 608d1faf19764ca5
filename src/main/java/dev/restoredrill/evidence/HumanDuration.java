package dev.restoredrill.evidence;

import java.time.Duration;

/** Durations as people read them in the summary: "7 d", "1 d 6 h" (not "30 h"), "4 min 12 s". */
final class HumanDuration {
    private HumanDuration() {}

    static String of(Duration d) {
        if (d == null) {
            return "—";
        }
        if (d.isNegative()) {
            return "-" + of(d.negated());
        }
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        long seconds = d.toSecondsPart();
        if (days > 0) {
            return hours == 0 ? days + " d" : days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        if (minutes > 0) {
            return minutes + " min " + seconds + " s";
        }
        if (seconds > 0) {
            return seconds + "." + d.toMillisPart() / 100 + " s";
        }
        return d.toMillis() + " ms";
    }
}
