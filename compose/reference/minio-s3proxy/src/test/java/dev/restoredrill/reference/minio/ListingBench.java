package dev.restoredrill.reference.minio;

import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Benchmark (bench/s3-listing-bench.sh), not a test: lists one bucket of N objects through S3Proxy's S3 front end
 * over HTTP with an S3 SDK's paginator (pages of 1,000 keys, as every client gets them), once from this stand-in's
 * store ({@link ListingSnapshots}) and once from S3Proxy's filesystem store as released, on the same files.
 *
 * <p>{@code ListingBench OBJECTS DIR}: fills DIR's bucket through the store (files and their extended attributes,
 * as a PUT writes them) unless it already holds OBJECTS objects, then prints one line: both times and the ratio.
 */
public final class ListingBench {
    private static final String BUCKET = "langfuse";
    /** A small bucket listed by both first, so neither timed listing pays for the JVM's warming up. */
    private static final String WARM_UP = "warm-up";
    private static final int WARM_UP_OBJECTS = 3_000;

    private ListingBench() {}

    public static void main(String[] args) throws Exception {
        int objects = Integer.parseInt(args[0]);
        Path dir = Files.createDirectories(Path.of(args[1]));
        fill(new FilesystemNio2BlobStore(dir.toString()), dir, BUCKET, objects);
        fill(new FilesystemNio2BlobStore(dir.toString()), dir, WARM_UP, WARM_UP_OBJECTS);
        list(dir, WARM_UP, ListingSnapshots::new);
        list(dir, WARM_UP, UnaryOperator.identity());

        long[] listed = new long[2];
        double harness = seconds(() -> listed[0] = list(dir, BUCKET, ListingSnapshots::new));
        double baseline = seconds(() -> listed[1] = list(dir, BUCKET, UnaryOperator.identity()));
        if (listed[0] != objects || listed[1] != objects) {
            throw new IllegalStateException(
                    "expected " + objects + " objects listed by both; the stand-in listed " + listed[0]
                            + ", S3Proxy's store " + listed[1]);
        }
        System.out.printf(
                "harness (the stand-in's listing, one walk) %.1f s, baseline (S3Proxy 4.1.0's filesystem store,"
                        + " a walk a page) %.1f s, ratio %.3f (%,d objects in pages of 1,000)%n",
                harness, baseline, harness / baseline, objects);
    }

    /** Objects laid out as Langfuse's media and event uploads are: a prefix per project and kind. */
    private static void fill(BlobStore store, Path dir, String name, int objects) throws Exception {
        Path bucket = dir.resolve(name);
        if (Files.isDirectory(bucket) && countFiles(bucket) == objects) {
            return;
        }
        if (Files.exists(bucket)) {
            throw new IllegalStateException(bucket + " holds another set: delete it to make one of " + objects);
        }
        store.createContainer(name);
        for (int i = 0; i < objects; i++) {
            String key = String.format("events/project-%02d/observation/%08d.json", i % 17, i);
            byte[] body = ("{\"id\":" + i + "}").getBytes(StandardCharsets.UTF_8);
            store.putBlob(
                    PutObjectRequest.builder().bucket(name).key(key).contentLength((long) body.length).build(),
                    new ByteArrayInputStream(body));
            if ((i + 1) % 10_000 == 0) {
                System.err.printf("filled %,d of %,d objects%n", i + 1, objects);
            }
        }
    }

    private static long countFiles(Path bucket) throws Exception {
        try (Stream<Path> files = Files.walk(bucket)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /** Starts S3Proxy on a loopback port with the store {@code wrap} makes, lists a bucket, stops it. */
    private static long list(Path dir, String bucket, UnaryOperator<BlobStore> wrap) throws Exception {
        return LoopbackS3.with(wrap.apply(new FilesystemNio2BlobStore(dir.toString())),
                client -> client.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().count());
    }

    private static double seconds(ThrowingRunnable work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
