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
        StringBuilder b = new StringBuilder(256);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                b.append("\\N");
            } else {
                escape(b, v.toString());
            }
        }
        return b.append('\n').toString();
    }

    private static void escape(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
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
