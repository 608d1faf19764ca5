package dev.restoredrill.reference.minio;

import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.SdkResponses;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A blob store whose listings page from one walk of the bucket.
 *
 * <p>S3Proxy's filesystem store answers every page of a listing (at most 1,000 keys: S3ProxyHandler caps
 * max-keys, as S3 does) by walking the whole bucket, every file and its extended attributes, and then skipping
 * to the marker (gaul/s3proxy, {@code nio2blob/AbstractNio2BlobStore.list}). Listing n objects so costs about
 * n²/1000 file reads: a bucket of 135,000 objects had not ended its first listing after 10 minutes. MinIO lists
 * from its own metadata, so the stand-in must not make a big bucket's listing the drill's slowest phase.
 *
 * <p>Here a listing's first page walks the bucket once and keeps the sorted walk; each page's continuation
 * token is remembered with it, and the request that brings that token back pages from the kept walk. A write
 * through this store drops every kept walk, so no page shows a bucket older than the last write, just as the
 * filesystem store's own pages would not. A token this store did not hand out (a client's own start-after),
 * or one whose walk was dropped, is answered by the filesystem store as before. Pages are cut exactly as the
 * filesystem store cuts them: the entries after the marker by name, objects and common prefixes in one order.
 */
public final class ListingSnapshots extends ForwardingBlobStore {
    /** Walks kept at once, one per listing under way: each holds a whole bucket, so this bounds the memory. */
    static final int KEPT_WALKS = 8;

    /** Counts writes begun and ended: a walk is current while no write began or ended since it began. */
    private final AtomicLong writes = new AtomicLong();

    /** The walks of the listings under way, by the token each handed out last; the least recently used go. */
    private final Map<Cursor, Walk> cursors = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Cursor, Walk> eldest) {
            return size() > KEPT_WALKS;
        }
    });

    public ListingSnapshots(BlobStore filesystem) {
        super(filesystem);
    }

    @Override
    public ListObjectsV2Response list(ListObjectsV2Request request) {
        // As the filesystem store reads a request: the token if there is one, else start-after.
        String marker = request.continuationToken() != null ? request.continuationToken() : request.startAfter();
        Listing listing = Listing.of(request);
        Walk walk;
        if (marker == null) {
            long generation = writes.get();
            walk = Walk.of(super.list(request.toBuilder().maxKeys((Integer) null).build()), generation);
        } else {
            walk = cursors.remove(new Cursor(listing, marker));
            if (walk == null || walk.generation() != writes.get()) {
                return super.list(request);
            }
        }
        Page page = walk.pageAfter(marker, request.maxKeys());
        if (page.nextToken() != null) {
            cursors.put(new Cursor(listing, page.nextToken()), walk);
        }
        return SdkResponses.objectsPage(page.contents(), page.prefixes(), page.nextToken());
    }

    // The writes that can change what a listing shows. The others (ACLs, versioning settings, multipart
    // parts, which listings hide) leave every kept walk current. The overloads ForwardingBlobStore does not
    // override (removeBlob and createContainer by name) end in these.

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream input) {
        return writing(() -> super.putBlob(request, input));
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        return writing(() -> super.copyBlob(request));
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        return writing(() -> super.removeBlob(request));
    }

    @Override
    public DeleteObjectsResponse removeBlobs(DeleteObjectsRequest request) {
        return writing(() -> super.removeBlobs(request));
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(
            MultipartUpload upload, CompleteMultipartUploadRequest request) {
        return writing(() -> super.completeMultipartUpload(upload, request));
    }

    @Override
    public CreateBucketResponse createContainer(CreateBucketRequest request) {
        return writing(() -> super.createContainer(request));
    }

    @Override
    public void clearContainer(ListObjectsV2Request request) {
        writing(() -> super.clearContainer(request));
    }

    @Override
    public void deleteContainer(String container) {
        writing(() -> super.deleteContainer(container));
    }

    @Override
    public void deleteBucket(String container) {
        writing(() -> super.deleteBucket(container));
    }

    /** Counts the write as begun before it starts and as ended after, so no walk overlapping it stays. */
    private <T> T writing(Supplier<T> write) {
        writes.incrementAndGet();
        try {
            return write.get();
        } finally {
            writes.incrementAndGet();
        }
    }

    private void writing(Runnable write) {
        writing(() -> {
            write.run();
            return null;
        });
    }

    /** What one listing asks for, apart from where it resumes and how many keys a page holds. */
    private record Listing(String bucket, String prefix, String delimiter) {
        static Listing of(ListObjectsV2Request request) {
            return new Listing(request.bucket(), request.prefix(), request.delimiter());
        }
    }

    /** A continuation token this store handed out for a listing. */
    private record Cursor(Listing listing, String token) {}

    /** One listing's entries, objects and common prefixes, sorted by name as the filesystem store sorts them. */
    private record Walk(List<Entry> entries, long generation) {
        static Walk of(ListObjectsV2Response whole, long generation) {
            List<S3Object> objects = whole.contents();
            List<CommonPrefix> prefixes = whole.commonPrefixes();
            List<Entry> entries = new ArrayList<>(objects.size() + prefixes.size());
            int o = 0;
            int p = 0;
            while (o < objects.size() || p < prefixes.size()) {
                boolean objectFirst = p == prefixes.size()
                        || o < objects.size() && objects.get(o).key().compareTo(prefixes.get(p).prefix()) < 0;
                entries.add(objectFirst
                        ? new Entry(objects.get(o).key(), objects.get(o++), null)
                        : new Entry(prefixes.get(p).prefix(), null, prefixes.get(p++)));
            }
            return new Walk(List.copyOf(entries), generation);
        }

        /** The entries after {@code marker} (null: from the first), at most {@code maxKeys} (null: all). */
        Page pageAfter(String marker, Integer maxKeys) {
            int from = marker == null ? 0 : firstAfter(marker);
            int to = entries.size();
            String nextToken = null;
            if (maxKeys != null && to - from > maxKeys) {
                to = from + maxKeys;
                nextToken = maxKeys == 0 ? null : entries.get(to - 1).name();
            }
            List<S3Object> objects = new ArrayList<>();
            List<CommonPrefix> prefixes = new ArrayList<>();
            for (Entry entry : entries.subList(from, to)) {
                if (entry.object() != null) {
                    objects.add(entry.object());
                } else {
                    prefixes.add(entry.prefix());
                }
            }
            return new Page(objects, prefixes, nextToken);
        }

        private int firstAfter(String marker) {
            int low = 0;
            int high = entries.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (entries.get(middle).name().compareTo(marker) <= 0) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }
    }

    private record Entry(String name, S3Object object, CommonPrefix prefix) {}

    private record Page(List<S3Object> contents, List<CommonPrefix> prefixes, String nextToken) {}
}
