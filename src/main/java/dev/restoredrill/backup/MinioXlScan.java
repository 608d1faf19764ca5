package dev.restoredrill.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the objects of a MinIO single-drive volume entry by entry. The layout is MinIO's (cmd/xl-storage.go,
 * cmd/format-erasure.go, cmd/xl-storage-format-v2.go): {@code .minio.sys/format.json} says
 * {@code "format":"xl-single"} (or {@code "xl"}); {@code .minio.sys/} is MinIO's own (bucket metadata, config,
 * multipart uploads, tmp) and holds no object; every object is a folder {@code <bucket>/<key>/} with an
 * {@code xl.meta}, maybe {@code xl.meta.bkp} and {@code <data dir uuid>/part.N}. An object counts when its
 * {@code xl.meta}'s latest version is not a delete marker; an {@code xl.meta} that cannot be read makes its bucket's
 * count a lower bound.
 */
final class MinioXlScan {
    static final String SYSTEM_BUCKET = ".minio.sys";
    static final int FORMAT_BYTES = 64 * 1024;
    /** Enough for the metadata of any object; inline data after it is not needed. */
    static final int XL_META_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final class Bucket {
        long objects;
        long deleteMarkers;
        long unreadable;
    }

    private final Map<String, Bucket> buckets = new TreeMap<>();
    private final List<String> unreadableExamples = new ArrayList<>();
    private String format;
    private String formatProblem;

    static int contentWanted(String[] path) {
        if (path.length == 2 && path[0].equals(SYSTEM_BUCKET) && path[1].equals("format.json")) {
            return FORMAT_BYTES;
        }
        return path.length >= 3 && !path[0].equals(SYSTEM_BUCKET) && path[path.length - 1].equals("xl.meta")
                ? XL_META_BYTES : 0;
    }

    void directory(String[] path) {
        if (path.length == 1 && !path[0].equals(SYSTEM_BUCKET)) {
            bucket(path[0]);
        }
    }

    void file(String[] path, byte[] content, int length) {
        if (path.length == 2 && path[0].equals(SYSTEM_BUCKET) && path[1].equals("format.json")) {
            readFormat(content, length);
            return;
        }
        if (path.length < 3 || path[0].equals(SYSTEM_BUCKET) || !path[path.length - 1].equals("xl.meta")) {
            return;
        }
        Bucket bucket = bucket(path[0]);
        if (bucket == null) {
            return;
        }
        try {
            switch (XlMeta.latest(content, length)) {
                case OBJECT -> bucket.objects++;
                case DELETE_MARKER -> bucket.deleteMarkers++;
                case NO_VERSIONS -> { } // an empty version list: nothing to list
            }
        } catch (IllegalArgumentException e) {
            bucket.unreadable++;
            if (unreadableExamples.size() < 3) {
                unreadableExamples.add(String.join("/", path) + " (" + e.getMessage() + ")");
            }
        }
    }

    private void readFormat(byte[] content, int length) {
        try {
            JsonNode node = JSON.readTree(content, 0, length);
            format = node.path("format").asText(null);
        } catch (IOException e) {
            formatProblem = SYSTEM_BUCKET + "/format.json is not JSON ("
                    + e.getMessage().lines().findFirst().orElse("") + ")";
        }
    }

    private Bucket bucket(String name) {
        if (!buckets.containsKey(name) && buckets.size() >= VolumeTarReader.MAX_KEYS) {
            return null;
        }
        return buckets.computeIfAbsent(name, k -> new Bucket());
    }

    /** Whether format.json says this is MinIO's erasure format ("xl-single" on one drive, "xl" on several). */
    boolean xl() {
        return "xl-single".equals(format) || "xl".equals(format);
    }

    List<TarFacts.MinioBucket> buckets() {
        return buckets.entrySet().stream()
                .map(e -> new TarFacts.MinioBucket(e.getKey(), e.getValue().objects, e.getValue().deleteMarkers,
                        e.getValue().unreadable, e.getValue().unreadable == 0))
                .toList();
    }

    List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (formatProblem != null) {
            warnings.add(formatProblem + ": the volume is read as plain files.");
        }
        long unreadable = buckets.values().stream().mapToLong(b -> b.unreadable).sum();
        if (xl() && unreadable > 0) {
            warnings.add(unreadable + " xl.meta could not be read (" + String.join("; ", unreadableExamples)
                    + "): their buckets are compared as 'at least' the objects that could be read.");
        }
        return warnings;
    }
}
