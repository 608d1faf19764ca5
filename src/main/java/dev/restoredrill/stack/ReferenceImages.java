package dev.restoredrill.stack;

/**
 * The reference image set's names, as {@code compose/reference/build.sh} tags them and
 * {@code compose/reference.override.yml} runs them; code and tests name an image through here, never as text.
 */
public final class ReferenceImages {
    /** Real PostgreSQL 15 from Debian. */
    public static final String POSTGRES = "restore-drill/postgres:15";
    /** Real ClickHouse 18.16 from Debian. */
    public static final String CLICKHOUSE = "restore-drill/clickhouse:18.16";
    /** Stand-in for MinIO: S3Proxy. */
    public static final String MINIO = "restore-drill/minio-s3proxy:4.1.0";
    /** Stand-in for mongod: mongo-java-server. */
    public static final String MONGODB = "restore-drill/mongodb-standin:1.47.0";
    /** Stand-in for LibreChat and the LiteLLM gateway. */
    public static final String CHAT = "restore-drill/chat-standin:0.2";
    /** The drill's own model service (OpenAI API, deterministic answer), in both image modes. */
    public static final String MODEL = "restore-drill/model-standin:0.1";
    /** A minimal Debian image, for helper containers (and Testcontainers' "tiny image"). */
    public static final String TINY = "restore-drill/tiny:bookworm";
    /** socat, for Testcontainers' compose ambassadors. */
    public static final String SOCAT = "restore-drill/socat:bookworm";

    /** Whether an image is one of the locally built reference set ({@code restore-drill/...}). */
    public static boolean isReference(String image) {
        return image.startsWith("restore-drill/");
    }

    private ReferenceImages() {
    }
}
