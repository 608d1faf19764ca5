package dev.restoredrill.backup;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Decides whether a tar entry is hostile: extracting it could write outside the extraction root (absolute path, a
 * {@code ..} component, a link whose target leaves the root, an entry written through a link the tarball made) or
 * create a device or fifo. One instance per tarball: it remembers the links seen so far.
 *
 * <p>The one kind of absolute link accepted is ClickHouse's own introspection link of an Atomic database
 * (src/Databases/DatabaseAtomic.cpp: {@code tryCreateSymlink} makes {@code data/<db>/<table>} point to
 * {@code /var/lib/clickhouse/store/<uuid[0:3]>/<table uuid>/}, {@code tryCreateMetadataSymlink} makes
 * {@code metadata/<db>} point to the database's {@code store/} folder; ClickHouse issue #16482), at exactly those
 * places under the archive's {@code data/} root. Extracted as they are, they resolve inside the ClickHouse container.
 */
final class TarEntryPolicy {
    /** More links than this are not tracked: the tarball is refused rather than judged with a partial memory. */
    static final int MAX_LINKS = 100_000;
    private static final Pattern CLICKHOUSE_STORE = Pattern.compile(
            "/var/lib/clickhouse/store/([0-9a-f]{3})/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/?");

    private final Set<String> links = new HashSet<>();
    private long clickhouseLinks;

    /**
     * @param rawName     the entry's name as written in the archive (see {@link RawNameTarInputStream})
     * @param rawLinkName its link target as written
     */
    Optional<String> hostileReason(TarArchiveEntry entry, String rawName, String rawLinkName) {
        String name = rawName == null ? entry.getName() : rawName;
        String target = rawLinkName == null ? entry.getLinkName() : rawLinkName;
        if (isAbsolute(name)) {
            return Optional.of("absolute path");
        }
        if (hasDotDot(name)) {
            return Optional.of("path has a '..' component");
        }
        String normal = normalise(name);
        Optional<String> through = throughLink(normal);
        if (through.isPresent()) {
            return Optional.of("written through the link '" + through.get() + "' the tarball made");
        }
        if (entry.isCharacterDevice() || entry.isBlockDevice()) {
            return Optional.of("device file");
        }
        if (entry.isFIFO()) {
            return Optional.of("fifo (named pipe)");
        }
        if (entry.isSymbolicLink()) {
            if (!remember(normal)) {
                return Optional.of("more than " + MAX_LINKS + " links");
            }
            if (isClickHouseIntrospectionLink(normal, target)) {
                clickhouseLinks++;
                return Optional.empty();
            }
            return escapes(parentOf(normal), target)
                    ? Optional.of("symlink to '" + target + "' escapes the archive root")
                    : Optional.empty();
        }
        if (entry.isLink()) { // a hard link's target is relative to the archive root, not to the entry
            if (escapes("", target)) {
                return Optional.of("hardlink to '" + target + "' escapes the archive root");
            }
            return throughLink(normalise(target) + "/")
                    .map(link -> "hardlink to '" + target + "' goes through the link '" + link + "'");
        }
        return Optional.empty();
    }

    /** How many links were accepted as ClickHouse's own introspection links. */
    long clickhouseLinks() {
        return clickhouseLinks;
    }

    /**
     * {@code data/data/<db>/<table>} or {@code data/metadata/<db>} (the archive's {@code data/} is the volume, i.e.
     * {@code /var/lib/clickhouse}) pointing to {@code /var/lib/clickhouse/store/<uuid[0:3]>/<uuid>/}.
     */
    static boolean isClickHouseIntrospectionLink(String normalName, String target) {
        String[] path = normalName.split("/");
        boolean place = path.length == 4 && path[0].equals("data") && path[1].equals("data")
                || path.length == 3 && path[0].equals("data") && path[1].equals("metadata");
        if (!place || target == null) {
            return false;
        }
        Matcher m = CLICKHOUSE_STORE.matcher(target);
        return m.matches() && m.group(2).startsWith(m.group(1));
    }

    private boolean remember(String normal) {
        if (links.size() >= MAX_LINKS) {
            return false;
        }
        links.add(normal);
        return true;
    }

    /** The first link already seen that is a proper prefix (a folder) of {@code normal}, if any. */
    private Optional<String> throughLink(String normal) {
        if (links.isEmpty()) {
            return Optional.empty();
        }
        int slash = normal.indexOf('/');
        while (slash > 0) {
            String prefix = normal.substring(0, slash);
            if (links.contains(prefix)) {
                return Optional.of(prefix);
            }
            slash = normal.indexOf('/', slash + 1);
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

    /** Components joined by '/', without '.', empty components or a trailing '/'. */
    private static String normalise(String name) {
        StringBuilder out = new StringBuilder();
        for (String component : name.split("[/\\\\]")) {
            if (component.isEmpty() || component.equals(".")) {
                continue;
            }
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(component);
        }
        return out.toString();
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

    private static String parentOf(String normal) {
        int slash = normal.lastIndexOf('/');
        return slash < 0 ? "" : normal.substring(0, slash);
    }
}
