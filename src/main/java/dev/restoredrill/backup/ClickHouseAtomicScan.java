package dev.restoredrill.backup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects, entry by entry, what a ClickHouse volume with Atomic databases holds, and joins it at the end (the tar
 * order is arbitrary). Paths are relative to the volume root ({@code /var/lib/clickhouse}); the layout is
 * ClickHouse's (src/Databases/DatabaseAtomic.cpp, src/Interpreters/DatabaseCatalog.cpp {@code getPathForUUID}):
 * <ul>
 *   <li>{@code metadata/<db>.sql}: {@code ATTACH DATABASE _ UUID '<uuid>' ENGINE = Atomic};</li>
 *   <li>{@code store/<uuid[0:3]>/<db uuid>/<table>.sql}: {@code ATTACH TABLE _ UUID '<uuid>' (...) ENGINE = ...};</li>
 *   <li>{@code store/<uuid[0:3]>/<table uuid>/<part>/count.txt}: the part's rows; {@code detached/} is not data.</li>
 * </ul>
 * Memory is bounded: at most {@link #MAX_PARTS} parts and {@link VolumeTarReader#MAX_KEYS} databases and tables.
 */
final class ClickHouseAtomicScan {
    static final int MAX_PARTS = 200_000;
    static final int SQL_BYTES = 64 * 1024;
    static final int COUNT_BYTES = 64;
    /** Databases ClickHouse keeps for itself: listed, never compared (their content is the server's own). */
    static final Set<String> SERVER_DATABASES = Set.of("system", "information_schema", "INFORMATION_SCHEMA");

    private static final Pattern ATTACH_DATABASE = Pattern.compile(
            "(?is)\\s*ATTACH\\s+DATABASE\\s+\\S+(?:\\s+UUID\\s+'([0-9a-f-]{36})')?(?:.*?\\bENGINE\\s*=\\s*(\\w+))?.*");
    private static final Pattern ATTACH_TABLE = Pattern.compile(
            "(?is)\\s*ATTACH\\s+(?:TABLE|VIEW|MATERIALIZED\\s+VIEW|DICTIONARY)\\s+\\S+"
                    + "(?:\\s+UUID\\s+'([0-9a-f-]{36})')?(?:.*?\\bENGINE\\s*=\\s*(\\w+))?.*");
    private static final Pattern UUID_FOLDER =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private record Database(String name, String uuid, String engine) {}

    private record TableSql(String dbUuid, String table, String uuid, String engine) {}

    private record Parts(Map<MergeTreePartName, Long> active, int[] detached) {}

    private final List<Database> databases = new ArrayList<>();
    private final List<TableSql> tables = new ArrayList<>();
    /** Table uuid → its parts → rows from count.txt (-1 until read). */
    private final Map<String, Parts> parts = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final Set<String> detachedSeen = new HashSet<>();
    private long partCount;
    private boolean partsCapped;

    /** Whether the file at {@code path} (components under the volume root) is one whose content this scan reads. */
    static int contentWanted(String[] path) {
        if (path.length == 2 && path[0].equals("metadata") && path[1].endsWith(".sql")) {
            return SQL_BYTES;
        }
        if (path.length == 4 && path[0].equals("store") && path[3].endsWith(".sql")) {
            return SQL_BYTES;
        }
        if (path.length == 5 && path[0].equals("store") && path[4].equals("count.txt")) {
            return COUNT_BYTES;
        }
        return 0;
    }

    void file(String[] path, byte[] content, int length) {
        if (path.length == 2 && path[0].equals("metadata") && path[1].endsWith(".sql")) {
            Matcher m = ATTACH_DATABASE.matcher(text(content, length));
            if (m.matches() && databases.size() < VolumeTarReader.MAX_KEYS) {
                databases.add(new Database(VolumeTarReader.unescape(stripSql(path[1])), m.group(1), m.group(2)));
            }
        } else if (path.length == 4 && path[0].equals("store") && path[3].endsWith(".sql")) {
            Matcher m = ATTACH_TABLE.matcher(text(content, length));
            if (m.matches() && tables.size() < VolumeTarReader.MAX_KEYS) {
                tables.add(new TableSql(path[2], VolumeTarReader.unescape(stripSql(path[3])), m.group(1), m.group(2)));
            }
        } else if (path.length == 5 && path[0].equals("store") && path[4].equals("count.txt")) {
            String rows = text(content, length).strip();
            part(path, rows.matches("\\d{1,18}") ? Long.parseLong(rows) : -1);
        }
        if (path.length >= 5 && path[0].equals("store")) {
            part(path, null);
        }
    }

    void directory(String[] path) {
        if (path.length >= 4 && path[0].equals("store")) {
            part(path, null);
        }
    }

    /** Registers the part folder {@code store/<3>/<table uuid>/<part>} (or a detached one); rows when known. */
    private void part(String[] path, Long rows) {
        if (!UUID_FOLDER.matcher(path[2]).matches()) {
            return;
        }
        Parts table = parts.get(path[2]);
        if (path[3].equals("detached")) {
            if (path.length >= 5 && directoryOnce(path)) {
                parts.computeIfAbsent(path[2], k -> new Parts(new HashMap<>(), new int[1])).detached()[0]++;
            }
            return;
        }
        MergeTreePartName name = MergeTreePartName.parse(path[3]).orElse(null);
        if (name == null) {
            return;
        }
        if (table == null) {
            table = parts.computeIfAbsent(path[2], k -> new Parts(new HashMap<>(), new int[1]));
        }
        Long known = table.active().get(name);
        if (known == null) {
            if (partCount >= MAX_PARTS) {
                partsCapped = true;
                return;
            }
            partCount++;
            table.active().put(name, rows == null ? -1L : rows);
        } else if (rows != null) {
            table.active().put(name, rows);
        }
    }


    /** A detached part is counted once, whether the tar lists its folder, its files, or both. */
    private boolean directoryOnce(String[] path) {
        return detachedSeen.size() < MAX_PARTS && detachedSeen.add(path[2] + "/" + path[4]);
    }

    /** Whether anything of an Atomic layout was seen (an Atomic database, or table metadata in store/). */
    boolean atomic() {
        return !tables.isEmpty() || databases.stream().anyMatch(d -> d.uuid() != null);
    }

    List<TarFacts.ClickHouseDatabase> databases() {
        return databases.stream()
                .map(d -> new TarFacts.ClickHouseDatabase(d.name(), d.engine(), d.uuid(),
                        !SERVER_DATABASES.contains(d.name())))
                .sorted(java.util.Comparator.comparing(TarFacts.ClickHouseDatabase::name))
                .toList();
    }

    List<TarFacts.ClickHouseTable> tables() {
        Map<String, String> dbByUuid = new HashMap<>();
        databases.stream().filter(d -> d.uuid() != null).forEach(d -> dbByUuid.put(d.uuid(), d.name()));
        Map<String, TarFacts.ClickHouseTable> out = new TreeMap<>();
        for (TableSql t : tables) {
            String db = dbByUuid.get(t.dbUuid());
            if (db == null) {
                warn("store/" + t.dbUuid().substring(0, 3) + "/" + t.dbUuid() + "/" + t.table() + ".sql belongs to"
                        + " no database in metadata/*.sql: the table is listed under its folder's UUID, not compared.");
                db = "(uuid " + t.dbUuid() + ")";
            }
            out.put(db + "." + t.table(), table(db, t, dbByUuid.containsKey(t.dbUuid())));
        }
        return List.copyOf(out.values());
    }

    private TarFacts.ClickHouseTable table(String db, TableSql t, boolean known) {
        boolean compared = known && !SERVER_DATABASES.contains(db);
        Parts p = t.uuid() == null ? null : parts.get(t.uuid());
        boolean mergeTree = t.engine() != null && t.engine().toLowerCase(Locale.ROOT).endsWith("mergetree");
        if (!mergeTree) {
            return new TarFacts.ClickHouseTable(db, t.table(), t.uuid(), t.engine(), null, 0, 0,
                    p == null ? 0 : p.detached()[0], compared);
        }
        if (p == null) {
            return new TarFacts.ClickHouseTable(db, t.table(), t.uuid(), t.engine(), partsCapped ? null : 0L, 0, 0,
                    0, compared);
        }
        List<MergeTreePartName> names = new ArrayList<>(p.active().keySet());
        names.sort(MergeTreePartName.COVERING_ORDER);
        long rows = 0;
        int active = 0;
        int outdated = 0;
        boolean unknown = partsCapped;
        MergeTreePartName top = null;
        for (MergeTreePartName name : names) {
            if (top != null && top.covers(name)) {
                outdated++; // replaced by a merge or mutation, still on disk: not counted twice
                continue;
            }
            top = name;
            active++;
            long partRows = p.active().get(name);
            if (partRows < 0) {
                unknown = true;
                warn(db + "." + t.table() + ": part " + partName(name) + " has no readable count.txt, so the"
                        + " table's rows are not known and not compared.");
            } else {
                rows += partRows;
            }
        }
        return new TarFacts.ClickHouseTable(db, t.table(), t.uuid(), t.engine(), unknown ? null : rows, active,
                outdated, p.detached()[0], compared);
    }

    List<String> warnings() {
        if (partsCapped) {
            warn("more than " + MAX_PARTS + " parts: rows of the tables beyond that are not counted.");
        }
        return List.copyOf(warnings);
    }

    private void warn(String warning) {
        if (warnings.size() < VolumeTarReader.MAX_HOSTILE_LISTED && !warnings.contains(warning)) {
            warnings.add(warning);
        }
    }

    private static String partName(MergeTreePartName n) {
        return n.partition() + "_" + n.minBlock() + "_" + n.maxBlock() + "_" + n.level()
                + (n.mutation() == 0 ? "" : "_" + n.mutation());
    }

    private static String stripSql(String fileName) {
        return fileName.substring(0, fileName.length() - ".sql".length());
    }

    private static String text(byte[] content, int length) {
        return new String(content, 0, length, StandardCharsets.UTF_8);
    }
}
