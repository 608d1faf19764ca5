package dev.restoredrill.backup;

import java.time.Duration;
import java.util.Locale;

/** Human-readable sizes (decimal units, as MB/s rates are quoted), rates and durations. */
public final class Sizes {
    private Sizes() {}

    static String bytes(long n) {
        return decimal(n, false);
    }

    /** 532 B, 12.3 kB, 812.3 MB, 5.12 GB: as {@link #bytes(long)} but one decimal from 100 up (the throughput table). */
    public static String bytesOneDecimal(long n) {
        return decimal(n, true);
    }

    private static String decimal(long n, boolean decimalAbove100) {
        if (n < 1_000) {
            return n + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB"};
        double value = n;
        int unit = -1;
        while (value >= 1_000 && unit < units.length - 1) {
            value /= 1_000;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.2f %s" : value < 100 || decimalAbove100 ? "%.1f %s" : "%.0f %s",
                value, units[unit]);
    }

    static double megabytesPerSecond(long bytes, long nanos) {
        return nanos <= 0 ? 0 : bytes / 1e6 / (nanos / 1e9);
    }

    static String rate(double mbPerSecond) {
        return String.format(Locale.ROOT, "%.1f MB/s", mbPerSecond);
    }

    /** 1d02h, 26h05m, 5m03s: short and unambiguous, for the table and messages. */
    static String duration(Duration d) {
        if (d == null) {
            return "-";
        }
        String sign = d.isNegative() ? "-" : "";
        long s = Math.abs(d.getSeconds());
        if (s >= 2 * 86_400) {
            return String.format(Locale.ROOT, "%s%dd%02dh", sign, s / 86_400, s % 86_400 / 3_600);
        }
        if (s >= 3_600) {
            return String.format(Locale.ROOT, "%s%dh%02dm", sign, s / 3_600, s % 3_600 / 60);
        }
        return String.format(Locale.ROOT, "%s%dm%02ds", sign, s / 60, s % 60);
    }

    /** 1,204 or 11.1M: a count that fits a table column. */
    static String compactCount(long n) {
        if (n < 100_000) {
            return count(n);
        }
        return n < 100_000_000 ? String.format(Locale.ROOT, "%.1fM", n / 1e6)
                : String.format(Locale.ROOT, "%.0fM", n / 1e6);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
