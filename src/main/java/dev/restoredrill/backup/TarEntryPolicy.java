package dev.restoredrill.backup;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Decides whether a tar entry is hostile: extracting it could write outside the extraction root (absolute
 * path, a {@code ..} component, a link whose target leaves the root) or create a device or fifo.
 */
final class TarEntryPolicy {
    private TarEntryPolicy() {}

    static Optional<String> hostileReason(TarArchiveEntry entry) {
        String name = entry.getName();
        if (isAbsolute(name)) {
            return Optional.of("absolute path");
        }
        if (hasDotDot(name)) {
            return Optional.of("path has a '..' component");
        }
        if (entry.isCharacterDevice() || entry.isBlockDevice()) {
            return Optional.of("device file");
        }
        if (entry.isFIFO()) {
            return Optional.of("fifo (named pipe)");
        }
        if (entry.isSymbolicLink()) {
            return escapes(parentOf(name), entry.getLinkName())
                    ? Optional.of("symlink to '" + entry.getLinkName() + "' escapes the archive root")
                    : Optional.empty();
        }
        if (entry.isLink()) { // a hard link's target is relative to the archive root, not to the entry
            return escapes("", entry.getLinkName())
                    ? Optional.of("hardlink to '" + entry.getLinkName() + "' escapes the archive root")
                    : Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean isAbsolute(String path) {
        return path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:[/\\\\].*");
    }

    private static boolean hasDotDot(String path) {
        for (String component : path.split("[/\\\\]")) {
            if (component.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code target}, resolved from directory {@code base} (relative to the root), leaves the root. */
    private static boolean escapes(String base, String target) {
        if (target == null || target.isEmpty()) {
            return false;
        }
        if (isAbsolute(target)) {
            return true;
        }
        Deque<String> path = new ArrayDeque<>();
        for (String component : (base + "/" + target).split("[/\\\\]")) {
            if (component.isEmpty() || component.equals(".")) {
                continue;
            }
            if (component.equals("..")) {
                if (path.isEmpty()) {
                    return true;
                }
                path.removeLast();
            } else {
                path.addLast(component);
            }
        }
        return false;
    }

    private static String parentOf(String name) {
        String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        int slash = trimmed.lastIndexOf('/');
        return slash < 0 ? "" : trimmed.substring(0, slash);
    }
}
