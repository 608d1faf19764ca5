package dev.restoredrill.stack;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * A drill's id, which is also its compose project name: {@code drill-<yyyymmdd>-<random>}. Unique per drill,
 * so every volume the drill gets is new and nothing can collide with production's project.
 */
public record DrillId(String value) {

    private static final Pattern FORM = Pattern.compile("drill-\\d{8}-[a-z0-9]{6}");
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public DrillId {
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a drill id looks like drill-20261124-k3x9qa, found '" + value + "'");
        }
    }

    public static DrillId newFor(LocalDate date) {
        StringBuilder suffix = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            suffix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new DrillId("drill-" + date.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + suffix);
    }

    @Override
    public String toString() {
        return value;
    }
}
