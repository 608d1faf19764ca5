package dev.restoredrill.backup;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a volume tarball is laid out, read from its content (never from its name), so the catalog counts what the
 * store really holds and the restore knows whether the target image can read it.
 */
public enum VolumeLayout {
    /** Regular files, one per object ({@code data/<bucket>/<key>}), as the reference S3Proxy stand-in writes them. */
    @JsonProperty("plain_files") PLAIN_FILES("plain files"),
    /**
     * ClickHouse before 20.10 (and Ordinary databases later): {@code metadata/<db>/<table>.sql} and the parts in
     * {@code data/<db>/<table>/}, no symlinks.
     */
    @JsonProperty("clickhouse_ordinary") CLICKHOUSE_ORDINARY("ClickHouse Ordinary (18.x style)"),
    /**
     * ClickHouse 20.10 and later, Atomic databases: {@code metadata/<db>.sql} with the database UUID, tables and
     * parts in {@code store/<uuid[0:3]>/<uuid>/}, {@code metadata/<db>} and {@code data/<db>/<table>} symlinks to
     * them (ClickHouse src/Databases/DatabaseAtomic.cpp).
     */
    @JsonProperty("clickhouse_atomic") CLICKHOUSE_ATOMIC("ClickHouse Atomic"),
    /**
     * MinIO's own single-drive erasure format: {@code .minio.sys/format.json} with {@code "format":"xl-single"} or
     * {@code "xl"}, each object a folder with {@code xl.meta} (minio cmd/format-erasure.go, cmd/xl-storage.go).
     */
    @JsonProperty("minio_xl") MINIO_XL("MinIO xl-single");

    private final String label;

    VolumeLayout(String label) {
        this.label = label;
    }

    /** Words for messages: "MinIO xl-single". */
    public String label() {
        return label;
    }
}
