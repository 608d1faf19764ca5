package dev.restoredrill.backup;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a volume tarball entry by entry, reading every entry's bytes through (so a damaged member shows),
 * counting its layout, and flagging hostile entries. It never extracts anything.
 */
final class VolumeTarReader implements FormatReader {
    /** Bound on the keys of each map and list of the facts, so memory stays constant whatever the tarball. */
    static final int MAX_KEYS = 10_000;
    static final int MAX_HOSTILE_LISTED = 100;
    private static final String OTHER = "(other)";
    private static final String ROOT = "data";

    private final byte[] buffer = new byte[1 << 16];
    /** The start of a file the layout scans read (metadata, count.txt, format.json, xl.meta); reused, never kept. */
    private final byte[] head = new byte[Math.max(MinioXlScan.XL_META_BYTES, ClickHouseAtomicScan.SQL_BYTES)];
    private final TarEntryPolicy policy = new TarEntryPolicy();
    private final ClickHouseAtomicScan clickhouse = new ClickHouseAtomicScan();
    private final MinioXlScan minio = new MinioXlScan();
    private final Map<String, Long> topLevel = new TreeMap<>();
    private final Map<String, Long> filesPerSecondLevel = new TreeMap<>();
    private final List<String> clickhouseTables = new ArrayList<>();
    private final List<TarFacts.HostileEntry> hostileEntries = new ArrayList<>();
    private long hostileCount;
    private long entries;
    private long files;
    private long directories;
    private long symlinks;
    private long hardlinks;
    private long others;
    private long fileBytes;
    private long outsideRoot;
    private boolean clickhouseMetadata;
    private String firstOutsideRoot;
    private String current;

    @Override
    public FormatFacts read(InputStream uncompressed) throws IOException {
        RawNameTarInputStream tar = new RawNameTarInputStream(uncompressed);
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            current = tar.rawName();
            entries++;
            policy.hostileReason(entry, tar.rawName(), tar.rawLinkName())
                    .ifPresent(reason -> recordHostile(current, reason));
            String[] path = components(entry.getName());
            String[] inVolume = path.length > 0 && path[0].equals(ROOT)
                    ? Arrays.copyOfRange(path, 1, path.length) : null;
            int wanted = inVolume != null && entry.isFile()
                    ? Math.max(ClickHouseAtomicScan.contentWanted(inVolume), MinioXlScan.contentWanted(inVolume)) : 0;
            long read;
            if (wanted > 0) {
                int length = readHead(tar, head, wanted);
                read = length + readThrough(tar);
                clickhouse.file(inVolume, head, length);
                minio.file(inVolume, head, length);
            } else {
                read = readThrough(tar);
                if (inVolume != null && entry.isDirectory()) {
                    clickhouse.directory(inVolume);
                    minio.directory(inVolume);
                }
            }
            count(entry, read);
        }
        current = null;
        if (entries == 0) {
            throw new BackupDefectException("the tarball holds no entries at all: the volume snapshot is empty"
                    + " (was the volume mounted at /data when tar ran?).");
        }
        return facts();
    }

    /** Reads up to {@code wanted} bytes of the entry into {@code head}; the count read. */
    private static int readHead(TarArchiveInputStream tar, byte[] head, int wanted) throws IOException {
        int length = 0;
        int n;
        while (length < wanted && (n = tar.read(head, length, wanted - length)) > 0) {
            length += n;
        }
        return length;
    }

    private long readThrough(TarArchiveInputStream tar) throws IOException {
        long total = 0;
        int n;
        while ((n = tar.read(buffer)) > 0) {
            total += n;
        }
        return total;
    }

    private void recordHostile(String name, String reason) {
        hostileCount++;
        if (hostileEntries.size() < MAX_HOSTILE_LISTED) {
            hostileEntries.add(new TarFacts.HostileEntry(name, reason));
        }
    }

    private void count(TarArchiveEntry entry, long contentBytes) {
        String[] path = components(entry.getName());
        if (entry.isDirectory()) {
            directories++;
        } else if (entry.isSymbolicLink()) {
            symlinks++;
        } else if (entry.isLink()) {
            hardlinks++;
        } else if (entry.isFile()) {
            files++;
            fileBytes += contentBytes;
            if (path.length > 2) {
                increment(filesPerSecondLevel, path[0] + "/" + path[1]);
            }
            clickhouseTable(path);
        } else {
            others++;
        }
        clickhouseMetadata |= path.length > 2 && path[0].equals(ROOT) && path[1].equals("metadata");
        if (path.length > 0) {
            increment(topLevel, path[0]);
            if (!path[0].equals(ROOT)) {
                outsideRoot++;
                firstOutsideRoot = firstOutsideRoot == null ? entry.getName() : firstOutsideRoot;
            }
        }
    }

    /** data/metadata/&lt;db&gt;/&lt;table&gt;.sql, names escaped as ClickHouse escapes file names (%XX). */
    private void clickhouseTable(String[] path) {
        if (path.length == 4 && path[0].equals(ROOT) && path[1].equals("metadata") && path[3].endsWith(".sql")
                && !path[2].equals("system") && clickhouseTables.size() < MAX_KEYS) {
            String table = path[3].substring(0, path[3].length() - ".sql".length());
            clickhouseTables.add(unescape(path[2]) + "." + unescape(table));
        }
    }

    static String unescape(String fileName) {
        try {
            return URLDecoder.decode(fileName.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEscaped) {
            return fileName;
        }
    }

    private static void increment(Map<String, Long> counts, String key) {
        String k = counts.containsKey(key) || counts.size() < MAX_KEYS ? key : OTHER;
        counts.merge(k, 1L, Long::sum);
    }

    /** Path components, without a leading "./" or trailing "/". */
    private static String[] components(String name) {
        String n = name;
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        if (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        return n.isEmpty() ? new String[0] : n.split("/");
    }

    private TarFacts facts() {
        List<String> defects = new ArrayList<>();
        if (hostileCount > 0) {
            TarFacts.HostileEntry first = hostileEntries.get(0);
            defects.add("hostile tarball: entry '" + first.entry() + "' (" + first.reason() + ")"
                    + (hostileCount > 1 ? " and " + (hostileCount - 1) + " more hostile entries" : "")
                    + ". It must never be extracted; find out who wrote it before using any of it.");
        }
        List<String> warnings = new ArrayList<>();
        if (outsideRoot > 0) {
            warnings.add(Sizes.count(outsideRoot) + " entries are outside " + ROOT + "/ (first: '"
                    + firstOutsideRoot + "'): the runbook's 'tar czf x.tar.gz /data' puts everything under "
                    + ROOT + "/, so a restore would not put these into the volume.");
        }
        VolumeLayout layout = layout();
        List<TarFacts.ClickHouseTable> tableDetails = List.of();
        List<String> tables = new ArrayList<>(clickhouseTables);
        if (layout == VolumeLayout.CLICKHOUSE_ATOMIC) {
            tableDetails = clickhouse.tables();
            tableDetails.stream().filter(TarFacts.ClickHouseTable::compared)
                    .map(t -> t.database() + "." + t.table())
                    .filter(t -> !tables.contains(t) && tables.size() < MAX_KEYS).forEach(tables::add);
            warnings.addAll(clickhouse.warnings());
        }
        warnings.addAll(minio.warnings());
        return new TarFacts(entries, files, directories, symlinks, hardlinks, others, fileBytes,
                Collections.unmodifiableMap(new TreeMap<>(topLevel)),
                Collections.unmodifiableMap(new TreeMap<>(filesPerSecondLevel)),
                List.copyOf(tables), hostileCount > 0, List.copyOf(hostileEntries), hostileCount,
                List.copyOf(defects), List.copyOf(warnings), layout,
                layout == VolumeLayout.CLICKHOUSE_ATOMIC ? clickhouse.databases() : List.of(), tableDetails,
                layout == VolumeLayout.MINIO_XL ? minio.buckets() : List.of());
    }

    /** Read from the content: MinIO's format.json, ClickHouse's metadata, else plain files. */
    private VolumeLayout layout() {
        if (minio.xl()) {
            return VolumeLayout.MINIO_XL;
        }
        if (clickhouse.atomic()) {
            return VolumeLayout.CLICKHOUSE_ATOMIC;
        }
        return clickhouseMetadata ? VolumeLayout.CLICKHOUSE_ORDINARY : VolumeLayout.PLAIN_FILES;
    }

    @Override
    public String position() {
        return current == null ? "entry " + entries : "entry " + entries + " '" + current + "'";
    }
}
