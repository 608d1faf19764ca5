package dev.restoredrill.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Volume tarballs laid out as the production servers write them, where those servers cannot run here. Each layout
 * fact names the upstream file it comes from.
 */
public final class ProductionVolumes {
    // ClickHouse 24.8, Atomic databases ------------------------------------------------------------------------
    public static final String DEFAULT_DB = "5b1e3b5c-0d4f-4a8e-9c1e-6f2a7d3b8e01";
    static final String SYSTEM_DB = "c0ffee00-1234-4abc-8def-0123456789ab";
    public static final String TRACES = "a3f4c2d1-7e6b-4c5d-9a8b-1c2d3e4f5a6b";
    static final String MIGRATIONS = "0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f70";
    static final String OBSERVATIONS = "7e1d2c3b-4a59-4687-b766-5d4c3b2a1908";
    static final String QUERY_LOG = "f00dcafe-0000-4000-8000-00000000beef";
    /** A partition id as ClickHouse writes it for a non-integer key: a 128-bit hash, so names pass 100 bytes. */
    static final String HASH_PARTITION = "6a1f0e9d8c7b6a5f4e3d2c1b0a998877";

    private ProductionVolumes() {}

    /** The {@link #clickhouseAtomic} volume as {@code file} (a .tar.gz), for tests of other packages. */
    public static Path writeClickHouseAtomic(Path file) {
        return Fixtures.tarGz(file, ProductionVolumes::clickhouseAtomic);
    }

    /** The {@link #minioXl} volume as {@code file} (a .tar.gz), for tests of other packages. */
    public static Path writeMinioXl(Path file) {
        return Fixtures.tarGz(file, ProductionVolumes::minioXl);
    }

    /**
     * A backups folder as the runbook writes it on a production platform, for 2026-05-25: the pg_dumpall of
     * {@link Fixtures#pgDumpall()}, a real mongodump archive (test.bar.archive, gzip'd as --gzip does), and the
     * ClickHouse Atomic and MinIO xl volumes below; mtimes at the backup hour.
     */
    static Path writeBackupSet(Path folder) throws IOException {
        Files.createDirectories(folder);
        Fixtures.touch(Fixtures.gzip(folder.resolve("pg_2026-05-25.sql.gz"), Fixtures.pgDumpall()),
                "2026-05-25T02:00:00Z");
        try (InputStream archive = ProductionVolumes.class.getResourceAsStream(
                "/dev/restoredrill/mongoarchive/test.bar.archive")) {
            Fixtures.touch(Fixtures.gzip(folder.resolve("mongo_2026-05-25.gz"), archive.readAllBytes()),
                    "2026-05-25T02:10:00Z");
        }
        Fixtures.touch(Fixtures.tarGz(folder.resolve("clickhouse_2026-05-25.tar.gz"), ProductionVolumes::clickhouseAtomic),
                "2026-05-25T02:20:00Z");
        Fixtures.touch(Fixtures.tarGz(folder.resolve("minio_2026-05-25.tar.gz"), ProductionVolumes::minioXl),
                "2026-05-25T02:30:00Z");
        return folder;
    }

    /** /var/lib/clickhouse/store/&lt;uuid[0:3]&gt;/&lt;uuid&gt;/ (src/Interpreters/DatabaseCatalog.cpp getPathForUUID). */
    public static String storeTarget(String uuid) {
        return "/var/lib/clickhouse/store/" + uuid.substring(0, 3) + "/" + uuid + "/";
    }

    static String store(String uuid) {
        return "data/store/" + uuid.substring(0, 3) + "/" + uuid;
    }

    /**
     * {@code tar czf clickhouse.tar.gz /data} of a ClickHouse 24.8 volume ({@code /var/lib/clickhouse}):
     * <ul>
     *   <li>default (Atomic): traces (ReplacingMergeTree; parts 202605_1_1_0 (3 rows) and 202605_2_2_0 (2) merged
     *       into 202605_1_2_1 (5) and still on disk, 202605_3_3_0 (4), a detached part (7): 9 rows), schema_migrations
     *       (MergeTree; all_1_1_0, all_2_2_0, their merge all_1_2_1 and its mutation all_1_2_1_3: 2 rows),
     *       observations (MergeTree, hash partition ids, 6 + 1 rows = 7), traces_view (a view: no data);</li>
     *   <li>system (Atomic): query_log (100 rows), listed, not compared;</li>
     *   <li>information_schema and INFORMATION_SCHEMA (Memory engine, no tables on disk);</li>
     *   <li>access/, flags/, user_files/, preprocessed_configs/, status, uuid.</li>
     * </ul>
     * Facts: src/Databases/DatabaseAtomic.cpp (metadata/&lt;db&gt;.sql, the metadata/&lt;db&gt; and
     * data/&lt;db&gt;/&lt;table&gt; symlinks with absolute targets, tryCreateSymlink / tryCreateMetadataSymlink),
     * src/Storages/MergeTree/MergeTreePartInfo.cpp (part names), src/Storages/MergeTree/MergeTreeData.cpp (detached/,
     * format_version.txt).
     */
    static Fixtures.Tar clickhouseAtomic(Fixtures.Tar tar) throws IOException {
        tar.dir("data")
                .file("data/status", "PID: 1\nStarted at: 2026-05-24 03:00:01\nRevision: 54491\n")
                .file("data/uuid", "9d3c5a7e-2b1f-4e8d-a6c4-3f2e1d0c9b8a")
                .dir("data/access")
                .file("data/access/users.list", new byte[] {0, 1, 2, 3})
                .file("data/access/quotas.list", new byte[] {0, 1})
                .dir("data/flags").dir("data/user_files").dir("data/user_scripts")
                .dir("data/preprocessed_configs")
                .file("data/preprocessed_configs/config.xml", "<clickhouse><path>/var/lib/clickhouse/</path></clickhouse>")
                .file("data/preprocessed_configs/users.xml", "<clickhouse><users/></clickhouse>")
                .dir("data/metadata")
                .file("data/metadata/default.sql", "ATTACH DATABASE _ UUID '" + DEFAULT_DB + "'\nENGINE = Atomic\n")
                .symlink("data/metadata/default", storeTarget(DEFAULT_DB))
                .file("data/metadata/system.sql", "ATTACH DATABASE _ UUID '" + SYSTEM_DB + "'\nENGINE = Atomic\n")
                .symlink("data/metadata/system", storeTarget(SYSTEM_DB))
                .file("data/metadata/information_schema.sql", "ATTACH DATABASE information_schema\nENGINE = Memory\n")
                .file("data/metadata/INFORMATION_SCHEMA.sql", "ATTACH DATABASE INFORMATION_SCHEMA\nENGINE = Memory\n")
                // the introspection links come before the store in readdir order here: the catalog joins at the end
                .dir("data/data").dir("data/data/default").dir("data/data/system")
                .symlink("data/data/default/traces", storeTarget(TRACES))
                .symlink("data/data/default/schema_migrations", storeTarget(MIGRATIONS))
                .symlink("data/data/default/observations", storeTarget(OBSERVATIONS))
                .symlink("data/data/system/query_log", storeTarget(QUERY_LOG))
                .dir("data/store")
                .dir(store(DEFAULT_DB))
                .file(store(DEFAULT_DB) + "/traces.sql", "ATTACH TABLE _ UUID '" + TRACES + "'\n(\n    `id` String,\n"
                        + "    `timestamp` DateTime64(3),\n    `event_ts` DateTime64(3),\n    `is_deleted` UInt8\n)\n"
                        + "ENGINE = ReplacingMergeTree(event_ts, is_deleted)\nPARTITION BY toYYYYMM(timestamp)\n"
                        + "ORDER BY id\nSETTINGS index_granularity = 8192\n")
                .file(store(DEFAULT_DB) + "/schema_migrations.sql", "ATTACH TABLE _ UUID '" + MIGRATIONS + "'\n(\n"
                        + "    `version` Int64,\n    `dirty` UInt8,\n    `sequence` UInt64\n)\nENGINE = MergeTree\n"
                        + "ORDER BY sequence\nSETTINGS index_granularity = 8192\n")
                .file(store(DEFAULT_DB) + "/observations.sql", "ATTACH TABLE _ UUID '" + OBSERVATIONS + "'\n(\n"
                        + "    `id` String,\n    `project_id` String\n)\nENGINE = MergeTree\n"
                        + "PARTITION BY project_id\nORDER BY id\n")
                .file(store(DEFAULT_DB) + "/traces_view.sql", "ATTACH VIEW _ UUID 'b7c6d5e4-f3a2-4b1c-9d8e-7f6a5b4c3d2e'\n"
                        + "(\n    `id` String\n) AS\nSELECT id\nFROM default.traces\n")
                .dir(store(SYSTEM_DB))
                .file(store(SYSTEM_DB) + "/query_log.sql", "ATTACH TABLE _ UUID '" + QUERY_LOG + "'\n(\n"
                        + "    `event_date` Date\n)\nENGINE = MergeTree\nPARTITION BY toYYYYMM(event_date)\n"
                        + "ORDER BY event_date\n");
        tar.dir(store(TRACES)).file(store(TRACES) + "/format_version.txt", "1");
        part(tar, TRACES, "202605_1_1_0", 3);
        part(tar, TRACES, "202605_2_2_0", 2);
        part(tar, TRACES, "202605_1_2_1", 5);
        part(tar, TRACES, "202605_3_3_0", 4);
        tar.dir(store(TRACES) + "/detached");
        part(tar, TRACES, "detached/broken-on-start_202605_4_4_0", 7);
        tar.dir(store(MIGRATIONS)).file(store(MIGRATIONS) + "/format_version.txt", "1");
        part(tar, MIGRATIONS, "all_1_1_0", 1);
        part(tar, MIGRATIONS, "all_2_2_0", 1);
        part(tar, MIGRATIONS, "all_1_2_1", 2);
        part(tar, MIGRATIONS, "all_1_2_1_3", 2);
        tar.dir(store(OBSERVATIONS));
        part(tar, OBSERVATIONS, HASH_PARTITION + "_1_1_0", 6);
        part(tar, OBSERVATIONS, "0f0e0d0c0b0a09080706050403020100_2_2_0", 1);
        tar.dir(store(QUERY_LOG));
        part(tar, QUERY_LOG, "202605_1_1_0", 100);
        return tar;
    }

    /** A compact part as 24.8 writes it (src/Storages/MergeTree/MergeTreeDataPartCompact.cpp), count.txt = rows. */
    static void part(Fixtures.Tar tar, String table, String part, long rows) throws IOException {
        String dir = store(table) + "/" + part;
        tar.dir(dir)
                .file(dir + "/checksums.txt", new byte[] {'c', 'h', 'e', 'c', 'k', 's', 'u', 'm', 's', ' ', '1'})
                .file(dir + "/columns.txt", "columns format version: 1\n1 columns:\n`id` String\n")
                .file(dir + "/count.txt", Long.toString(rows))
                .file(dir + "/data.bin", new byte[(int) (rows % 97) + 16])
                .file(dir + "/data.cmrk3", new byte[24])
                .file(dir + "/default_compression_codec.txt", "CODEC(LZ4)")
                .file(dir + "/metadata_version.txt", "0")
                .file(dir + "/primary.cidx", new byte[8])
                .file(dir + "/serialization.json", "{\"columns\":[],\"version\":0}");
    }

    // MinIO, single-drive xl ------------------------------------------------------------------------------------
    static final String DISK = "2f1e0d9c-8b7a-4695-a4b3-c2d1e0f9a8b7";
    static final UUID BIG_DATA_DIR = UUID.fromString("a192c1d5-9bd5-41fd-9a90-ab10e165398d");
    static final long NOW = 1_779_000_000_000_000_000L; // 2026-05-17 in Unix nanoseconds

    /**
     * {@code tar czf minio.tar.gz /data} of a MinIO volume in single-drive erasure mode:
     * <ul>
     *   <li>.minio.sys: format.json ("xl-single", cmd/format-erasure.go), buckets/langfuse/.metadata.bin, config/
     *       (MinIO's own config is stored as objects: config/config.json/xl.meta, never counted), multipart/, tmp/;</li>
     *   <li>bucket langfuse: two inline event objects (one with xl.meta.bkp), a 3-part multipart export in
     *       &lt;data dir&gt;/part.1..3, media/m1.png whose latest version is a delete marker (not an object),
     *       media/m2.png whose latest version is an object over an older delete marker: 4 objects;</li>
     *   <li>bucket empty-bucket: no objects.</li>
     * </ul>
     * Facts: cmd/xl-storage.go (xl.meta, xl.meta.bkp, part.N, smallFileThreshold 128 KiB inline),
     * cmd/xl-storage-format-v2.go (xl.meta bytes, see {@link XlMetaWriter}).
     */
    static Fixtures.Tar minioXl(Fixtures.Tar tar) throws IOException {
        byte[] e1 = "{\"id\":\"e1\",\"type\":\"trace-create\"}".getBytes(StandardCharsets.UTF_8);
        byte[] e1Meta = new XlMetaWriter().inlineObject(null, NOW, e1).bytes();
        return tar.dir("data").dir("data/.minio.sys")
                .file("data/.minio.sys/format.json", "{\"version\":\"1\",\"format\":\"xl-single\",\"id\":"
                        + "\"6d8c4b2a-1f0e-4d3c-9b8a-7f6e5d4c3b2a\",\"xl\":{\"version\":\"3\",\"this\":\"" + DISK
                        + "\",\"sets\":[[\"" + DISK + "\"]],\"distributionAlgo\":\"SIPMOD+PARITY\"}}")
                .dir("data/.minio.sys/buckets").dir("data/.minio.sys/buckets/langfuse")
                .file("data/.minio.sys/buckets/langfuse/.metadata.bin", new byte[] {1, 0, 1, 0, (byte) 0x81})
                .file("data/.minio.sys/buckets/.usage.json", "{\"lastUpdate\":\"2026-05-17T00:00:00Z\"}")
                .dir("data/.minio.sys/config").dir("data/.minio.sys/config/config.json")
                .file("data/.minio.sys/config/config.json/xl.meta",
                        new XlMetaWriter().inlineObject(null, NOW, "{}".getBytes(StandardCharsets.UTF_8)).bytes())
                .dir("data/.minio.sys/multipart").dir("data/.minio.sys/tmp").dir("data/.minio.sys/tmp/.trash")
                .dir("data/empty-bucket")
                .dir("data/langfuse")
                .file("data/langfuse/events/p1/trace/t1/e1.json/xl.meta", e1Meta)
                .file("data/langfuse/events/p1/trace/t1/e1.json/xl.meta.bkp", e1Meta)
                .file("data/langfuse/events/p1/trace/t2/e2.json/xl.meta", new XlMetaWriter()
                        .inlineObject(null, NOW + 1, "{\"id\":\"e2\"}".getBytes(StandardCharsets.UTF_8)).bytes())
                .file("data/langfuse/exports/big.jsonl/xl.meta", new XlMetaWriter()
                        .objectInDataDir(null, NOW + 2, BIG_DATA_DIR, 5_242_880, 5_242_880, 1_000).bytes())
                .file("data/langfuse/exports/big.jsonl/" + BIG_DATA_DIR + "/part.1", new byte[4096])
                .file("data/langfuse/exports/big.jsonl/" + BIG_DATA_DIR + "/part.2", new byte[4096])
                .file("data/langfuse/exports/big.jsonl/" + BIG_DATA_DIR + "/part.3", new byte[1000])
                .file("data/langfuse/media/m1.png/xl.meta", new XlMetaWriter()
                        .deleteMarker(UUID.fromString("11111111-2222-4333-8444-555555555555"), NOW + 10)
                        .inlineObject(UUID.fromString("66666666-7777-4888-9999-aaaaaaaaaaaa"), NOW, new byte[300])
                        .bytes())
                .file("data/langfuse/media/m2.png/xl.meta", new XlMetaWriter()
                        .inlineObject(UUID.fromString("bbbbbbbb-cccc-4ddd-8eee-ffffffffffff"), NOW + 20, new byte[200])
                        .deleteMarker(UUID.fromString("12121212-3434-4565-8787-909090909090"), NOW + 5)
                        .bytes());
    }
}
