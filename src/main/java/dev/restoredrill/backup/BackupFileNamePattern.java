package dev.restoredrill.backup;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A store's file pattern ({@code pg_{date}.sql.gz}) compiled twice: strictly, where {@code {date}} must be a
 * YYYY-MM-DD date, and loosely, where it may be anything; a name matching only loosely is a backup whose
 * date cannot be read (listed, never chosen).
 */
final class BackupFileNamePattern {
    static final String DATE_TOKEN = "{date}";

    private final Pattern strict;
    private final Pattern loose;

    private BackupFileNamePattern(Pattern strict, Pattern loose) {
        this.strict = strict;
        this.loose = loose;
    }

    static BackupFileNamePattern compile(String filePattern) {
        if (filePattern == null || filePattern.isBlank()) {
            throw new IllegalArgumentException("file pattern is empty; expected a name such as pg_{date}.sql.gz");
        }
        int first = filePattern.indexOf(DATE_TOKEN);
        if (first < 0 || filePattern.indexOf(DATE_TOKEN, first + 1) >= 0 || filePattern.contains("/")) {
            throw new IllegalArgumentException("file pattern '" + filePattern + "' must be a file name containing "
                    + DATE_TOKEN + " exactly once (e.g. pg_{date}.sql.gz)");
        }
        String before = globToRegex(filePattern.substring(0, first));
        String after = globToRegex(filePattern.substring(first + DATE_TOKEN.length()));
        return new BackupFileNamePattern(
                Pattern.compile(before + "(\\d{4}-\\d{2}-\\d{2})" + after),
                Pattern.compile(before + "(.*?)" + after));
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                regex.append(quote(literal)).append(".*");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        return regex.append(quote(literal)).toString();
    }

    private static String quote(CharSequence literal) {
        return literal.length() == 0 ? "" : Pattern.quote(literal.toString());
    }

    boolean matches(String fileName) {
        return loose.matcher(fileName).matches();
    }

    /** The date in a matching name, or empty when the name matches but carries no valid date. */
    Optional<LocalDate> dateOf(String fileName) {
        Matcher m = strict.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(m.group(1)));
        } catch (DateTimeException invalidDate) { // e.g. 2026-13-45
            return Optional.empty();
        }
    }
}
