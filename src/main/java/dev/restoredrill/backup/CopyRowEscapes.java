package dev.restoredrill.backup;

/**
 * Looks at every backslash of a COPY data line. COPY … TO in text format writes a backslash only before
 * b, f, n, r, t, v, a backslash or N (postgres src/backend/commands/copyto.c, CopyAttributeOutText), so any
 * other character after one means the line was not written by pg_dump. It matters because psql reads the
 * lines after a COPY whose statement failed as script text: without ON_ERROR_STOP (the runbook's
 * {@code gunzip < f | psql}) a "row" such as {@code \! cmd} would run as a meta-command.
 */
final class CopyRowEscapes {
    private boolean afterBackslash;
    private int firstBad = -1;

    /** Starts a new line. */
    void reset() {
        afterBackslash = false;
        firstBad = -1;
    }

    void feed(byte[] bytes, int offset, int length, boolean newline) {
        if (firstBad >= 0) {
            return;
        }
        for (int i = offset, end = offset + length; i < end; i++) {
            byte b = bytes[i];
            if (afterBackslash) {
                afterBackslash = false;
                if (!written(b)) {
                    firstBad = b & 0xff;
                    return;
                }
            } else if (b == '\\') {
                afterBackslash = true;
            }
        }
        if (newline && afterBackslash) {
            firstBad = '\n';
        }
    }

    /** The first character after a backslash that COPY TO never writes there, or -1. */
    int firstUnwrittenEscape() {
        return firstBad;
    }

    private static boolean written(byte b) {
        return switch (b) {
            case 'b', 'f', 'n', 'r', 't', 'v', '\\', 'N' -> true;
            default -> false;
        };
    }
}
