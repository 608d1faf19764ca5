package dev.restoredrill.generate;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints byte sizes such as {@code 20MB} or {@code 1.5GB} (powers of 1024). */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)I?B?", Pattern.CASE_INSENSITIVE);

    private ByteSize() {
    }

    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new GenerateException("Expected a size such as 20MB or 1.5GB, found '" + text + "'.");
        }
        double number = Double.parseDouble(m.group(1));
        int power = "KMGT".indexOf(m.group(2).toUpperCase(Locale.ROOT)) + 1;
        return (long) (number * Math.pow(1024, power));
    }

    public static String format(long bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
