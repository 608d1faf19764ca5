package dev.restoredrill.reference.minio;

import static org.assertj.core.api.Assertions.assertThat;

import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Against S3Proxy's real filesystem store in a temporary directory: the pages, and how often it is walked. */
class ListingSnapshotsTest {
    private static final String BUCKET = "langfuse";

    @TempDir Path dir;
    private BlobStore filesystem;
    private CountingStore counted;
    private ListingSnapshots snapshots;

    @BeforeEach
    void store() {
        filesystem = new FilesystemNio2BlobStore(dir.toString());
        filesystem.createContainer(BUCKET);
        counted = new CountingStore(filesystem);
        snapshots = new ListingSnapshots(counted);
    }

    @ParameterizedTest(name = "prefix {0}, delimiter {1}, {2} keys a page")
    @CsvSource(
            nullValues = "-",
            value = {
                "-, -, 1000",
                "-, -, 97",
                "events/, -, 50",
                "-, /, 3",
                "events/, /, 4",
                "events/2026-11-0, /, 2",
                "media/, /, 1000",
                "missing/, -, 10",
                "-, -, 0"
            })
    void pagesAsTheFilesystemStoreDoes(String prefix, String delimiter, int maxKeys) {
        put(layout());

        assertThat(pages(snapshots, prefix, delimiter, maxKeys))
                .isEqualTo(pages(filesystem, prefix, delimiter, maxKeys));
    }

    @Test
    void walksTheBucketOncePerListing() {
        put(keys("events/2026-11-01/", 2_500));

        List<Page> pages = pages(snapshots, null, null, 1000);

        assertThat(pages).hasSize(3);
        assertThat(pages.stream().mapToInt(page -> page.keys().size()).sum()).isEqualTo(2_500);
        assertThat(counted.lists).as("walks of the bucket for one listing of three pages").hasValue(1);

        pages(snapshots, null, null, 1000);
        assertThat(counted.lists).as("a new listing walks the bucket again").hasValue(2);
    }

    @Test
    void pagesThroughS3ProxysFrontEndFromOneWalk() throws Exception {
        put(keys("events/2026-11-01/", 2_345));
        List<String> listed = LoopbackS3.with(snapshots, client -> client
                .listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream().map(S3Object::key).toList());

        assertThat(listed).hasSize(2_345).isSorted().doesNotHaveDuplicates();
        assertThat(counted.lists).as("walks for a listing of three pages over HTTP").hasValue(1);
    }

    @Test
    void aWriteBetweenPagesShowsOnTheNextPage() {
        put(keys("events/", 1_500));
        ListObjectsV2Response first = snapshots.list(request(null, null, 1000).build());

        put(List.of("events/zz-written-after-the-first-page"));
        snapshots.removeBlob(BUCKET, "events/01400");
        ListObjectsV2Response second =
                snapshots.list(
                        request(null, null, 1000).continuationToken(first.nextContinuationToken()).build());

        assertThat(keysOf(second))
                .contains("events/zz-written-after-the-first-page")
                .doesNotContain("events/01400")
                .hasSize(500);
        assertThat(counted.lists).as("the second page came from the store, not the dropped walk").hasValue(2);
    }

    @Test
    void aMarkerItDidNotHandOutIsAnsweredByTheStore() {
        put(keys("events/", 300));

        ListObjectsV2Response page = snapshots.list(request(null, null, 100).startAfter("events/00149x").build());

        assertThat(keysOf(page)).first().isEqualTo("events/00150");
        assertThat(page.nextContinuationToken()).isEqualTo("events/00249");
        assertThat(counted.lists).hasValue(1);
    }

    @Test
    void listsVersionOnePagesFromTheSameWalk() {
        put(keys("media/", 2_100));

        List<String> keys = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            ListObjectsResponse page =
                    snapshots.listV1(
                            ListObjectsRequest.builder().bucket(BUCKET).maxKeys(1000).marker(marker).build());
            page.contents().forEach(object -> keys.add(object.key()));
            marker = page.nextMarker();
            pages++;
        } while (marker != null);

        assertThat(pages).isEqualTo(3);
        assertThat(keys).hasSize(2_100).isSorted().doesNotHaveDuplicates();
        assertThat(counted.lists).hasValue(1);
    }

    @Test
    void keepsAtMostItsBoundOfWalks() {
        List<String> firstTokens = new ArrayList<>();
        for (int listing = 0; listing <= ListingSnapshots.KEPT_WALKS; listing++) {
            put(keys("events/" + listing + "/", 20));
        }
        for (int listing = 0; listing <= ListingSnapshots.KEPT_WALKS; listing++) {
            firstTokens.add(
                    snapshots.list(request("events/" + listing + "/", null, 5).build()).nextContinuationToken());
        }
        int walks = counted.lists.get();

        // The oldest listing's walk was dropped for the newest: its next page comes from the store.
        snapshots.list(request("events/0/", null, 5).continuationToken(firstTokens.get(0)).build());
        assertThat(counted.lists.get()).isEqualTo(walks + 1);
        // The newest listing's next page still comes from its walk.
        int newest = ListingSnapshots.KEPT_WALKS;
        snapshots.list(
                request("events/" + newest + "/", null, 5).continuationToken(firstTokens.get(newest)).build());
        assertThat(counted.lists.get()).isEqualTo(walks + 1);
    }

    /** Objects, nested "directories", and names that sort between a directory and its files ("events/x-"). */
    private static List<String> layout() {
        List<String> keys = new ArrayList<>();
        for (int day = 1; day <= 9; day++) {
            keys.addAll(keys("events/2026-11-0" + day + "/", 7));
        }
        keys.addAll(List.of("events/2026-11-01-late", "events/readme", "media/a/b/c", "media/a/d", "top"));
        keys.addAll(keys("media/blob-", 30));
        return keys;
    }

    private static List<String> keys(String prefix, int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(prefix + String.format("%05d", i));
        }
        return keys;
    }

    private void put(List<String> keys) {
        for (String key : keys) {
            byte[] body = key.getBytes(StandardCharsets.UTF_8);
            snapshots.putBlob(
                    PutObjectRequest.builder().bucket(BUCKET).key(key).contentLength((long) body.length).build(),
                    new ByteArrayInputStream(body));
        }
    }

    private static ListObjectsV2Request.Builder request(String prefix, String delimiter, int maxKeys) {
        return ListObjectsV2Request.builder()
                .bucket(BUCKET)
                .prefix(prefix)
                .delimiter(delimiter)
                .maxKeys(maxKeys);
    }

    /** Every page of one listing, as a client pages it (by the continuation token). */
    private static List<Page> pages(BlobStore store, String prefix, String delimiter, int maxKeys) {
        List<Page> pages = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Response response =
                    store.list(request(prefix, delimiter, maxKeys).continuationToken(token).build());
            pages.add(Page.of(response));
            token = response.nextContinuationToken();
        } while (token != null && pages.size() < 10_000);
        return pages;
    }

    private static List<String> keysOf(ListObjectsV2Response response) {
        return response.contents().stream().map(S3Object::key).toList();
    }

    /** What a client reads of a page: objects with their size and ETag, prefixes, and where to go on. */
    private record Page(List<String> keys, List<String> prefixes, String nextToken, Boolean truncated) {
        static Page of(ListObjectsV2Response response) {
            return new Page(
                    response.contents().stream().map(o -> o.key() + " " + o.size() + " " + o.eTag()).toList(),
                    response.commonPrefixes().stream().map(CommonPrefix::prefix).toList(),
                    response.nextContinuationToken(),
                    response.isTruncated());
        }
    }

    /** The real store, counting its listings: each is a walk of the bucket. */
    private static final class CountingStore extends ForwardingBlobStore {
        final AtomicInteger lists = new AtomicInteger();

        CountingStore(BlobStore store) {
            super(store);
        }

        @Override
        public ListObjectsV2Response list(ListObjectsV2Request request) {
            lists.incrementAndGet();
            return super.list(request);
        }
    }
}
