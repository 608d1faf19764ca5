package dev.restoredrill.generate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One row as a line of tab-separated text: the format of PostgreSQL's {@code COPY ... FROM STDIN}
 * (text) and of ClickHouse's {@code FORMAT TabSeparated} alike. {@code null} is {@code \N}; tab,
 * newline, carriage return and backslash are escaped.
 */
final class TabSeparated {
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private TabSeparated() {
    }

    static String line(Object... values) {
        // Sized once: rows carry JSON of a kilobyte or more, and growing a builder copies it each time.
        String[] texts = new String[values.length];
        int length = values.length;
        for (int i = 0; i < values.length; i++) {
            texts[i] = values[i] == null ? null : values[i].toString();
            length += texts[i] == null ? 2 : texts[i].length();
        }
        StringBuilder b = new StringBuilder(length + 16);
        for (int i = 0; i < texts.length; i++) {
            if (i > 0) {
                b.append('\t');
            }
            if (texts[i] == null) {
                b.append("\\N");
            } else {
                escape(b, texts[i]);
            }
        }
        return b.append('\n').toString();
    }

    private static void escape(StringBuilder b, String s) {
        int first = firstToEscape(s);
        if (first < 0) {
            b.append(s); // most values: one copy instead of a char at a time
            return;
        }
        b.append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
    }

    private static int firstToEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return i;
            }
        }
        return -1;
    }

    /** A PostgreSQL TIMESTAMP(3) (UTC, without zone, as Prisma stores it). */
    static String timestamp(Instant instant) {
        return instant == null ? null : MILLIS.format(instant);
    }

    /** A ClickHouse DateTime (seconds; the reference server runs in UTC). */
    static String dateTime(Instant instant) {
        return instant == null ? null : SECONDS.format(instant);
    }

    /** A PostgreSQL text[] literal of plain words. */
    static String pgArray(List<String> words) {
        return "{" + String.join(",", words) + "}";
    }

    /** A ClickHouse Array(String) literal of plain words. */
    static String chArray(List<String> words) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < words.size(); i++) {
            b.append(i == 0 ? "'" : ",'").append(words.get(i)).append('\'');
        }
        return b.append(']').toString();
    }
}
