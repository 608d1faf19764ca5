package dev.restoredrill.restore;

import dev.restoredrill.stack.DrillHost;

import java.util.List;
import java.util.Locale;

/**
 * Recognises a restore that failed because the drill host's disk filled up (tar's and Postgres' own words for
 * ENOSPC), so the drill says which host and what to do instead of quoting a bare tool error.
 */
final class DiskFull {

    private static final List<String> SIGNS = List.of("no space left on device", "could not extend file",
            "disk quota exceeded");
    /** GNU tar's words for a short write, which is how a full disk shows when extracting (seen on a tmpfs). */
    private static final java.util.regex.Pattern SHORT_WRITE = java.util.regex.Pattern.compile(
            "wrote only \\d+ of \\d+ bytes");

    private DiskFull() {
    }

    static boolean in(String output) {
        String lower = output.toLowerCase(Locale.ROOT);
        return SIGNS.stream().anyMatch(lower::contains) || SHORT_WRITE.matcher(lower).find();
    }

    /** One line: the host (masked), the store, the tool's own line, and the ways out. */
    static String message(String store, String output, long bytesNeeded) {
        String evidence = output.strip().lines().filter(l -> DiskFull.in(l)).findFirst().orElse("").strip();
        return "the drill host " + DrillHost.current().masked() + " ran out of disk while restoring " + store + " ("
                + evidence + "). Free space on it (`docker system df` there), or run the drill on a host with "
                + "room for the restored stores" + (bytesNeeded > 0 ? " (this one alone needs more than "
                + bytesNeeded / 1_000_000 + " MB)" : "") + "; the drill removes what it created.";
    }
}
