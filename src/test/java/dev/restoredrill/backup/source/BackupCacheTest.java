package dev.restoredrill.backup.source;

import dev.restoredrill.backup.BackupUnreadableException;
import dev.restoredrill.backup.ScanProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cache's rules, with real files and streams; the sources themselves are tested in OffHostSourcesIT. */
class BackupCacheTest {
    private static final byte[] BYTES = "pg_dumpall output, gzip'd in real life".getBytes(StandardCharsets.UTF_8);
    private static final Instant MTIME = Instant.parse("2026-05-25T02:00:00Z");

    @TempDir
    Path temp;
    private final AtomicInteger opened = new AtomicInteger();

    private BackupCache cache() {
        return new BackupCache(temp.resolve("cache"), "s3://bucket/nightly", ScanProgress.silent(), Duration.ZERO);
    }

    private RemoteFile file(String identity, long size, String md5) {
        return new RemoteFile("pg_2026-05-25.sql.gz", "nightly/pg_2026-05-25.sql.gz", size, MTIME, identity, md5);
    }

    private InputStream serve(RemoteFile f) {
        opened.incrementAndGet();
        return new ByteArrayInputStream(BYTES);
    }

    @Test
    void aFetchedFileIsCompleteHashedAndKeepsTheSourcesMtime() throws Exception {
        BackupCache.Fetched fetched = cache().fetch("postgres", file("etag=a", BYTES.length, md5()), this::serve);

        assertThat(fetched.file()).hasBinaryContent(BYTES);
        assertThat(fetched.record().sha256()).isEqualTo(sha256());
        assertThat(fetched.record().bytesFetched()).isEqualTo(BYTES.length);
        assertThat(fetched.record().fromCache()).isFalse();
        assertThat(Files.getLastModifiedTime(fetched.file()).toInstant()).isEqualTo(MTIME);
        assertThat(partFiles()).isZero();
    }

    @Test
    void aCachedCopyIsReusedOnlyWhileTheSourceReportsTheSameIdentityAndSize() throws Exception {
        cache().fetch("postgres", file("etag=a", BYTES.length, null), this::serve);
        BackupCache.Fetched again = cache().fetch("postgres", file("etag=a", BYTES.length, null), this::serve);
        assertThat(again.record().fromCache()).isTrue();
        assertThat(again.record().bytesFetched()).isZero();
        assertThat(again.record().sha256()).isEqualTo(sha256());
        assertThat(opened).hasValue(1);

        BackupCache.Fetched changed = cache().fetch("postgres", file("etag=b", BYTES.length, null), this::serve);
        assertThat(changed.record().fromCache()).isFalse();
        assertThat(opened).hasValue(2);
    }

    @Test
    void aCachedCopyAlteredOnDiskIsFetchedAgain() throws Exception {
        Path copy = cache().fetch("postgres", file("etag=a", BYTES.length, null), this::serve).file();
        byte[] tampered = BYTES.clone();
        tampered[0] ^= 1; // same size, other bytes
        Files.write(copy, tampered);

        BackupCache.Fetched again = cache().fetch("postgres", file("etag=a", BYTES.length, null), this::serve);
        assertThat(again.record().fromCache()).isFalse();
        assertThat(again.file()).hasBinaryContent(BYTES);
    }

    @Test
    void aCopyWithoutItsRecordIsNeverTrusted() throws Exception {
        Path copy = cache().fetch("postgres", file("etag=a", BYTES.length, null), this::serve).file();
        Files.delete(CacheEntry.sidecar(copy));

        assertThat(BackupCache.reusable(copy, file("etag=a", BYTES.length, null))).isEmpty();
    }

    @Test
    void aShortDownloadIsRefusedAndNothingIsKept() {
        RemoteFile listed = file("etag=a", BYTES.length + 100, null);

        assertThatThrownBy(() -> cache().fetch("postgres", listed, this::serve))
                .isInstanceOf(BackupUnreadableException.class)
                .hasMessageContaining("ended after " + BYTES.length + " bytes but the source lists "
                        + (BYTES.length + 100))
                .hasMessageContaining("s3://bucket/nightly");
        assertThat(temp.resolve("cache").resolve(listed.name())).doesNotExist();
        assertThat(partFiles()).isZero();
    }

    @Test
    void aStreamThatBreaksOffMidwayLeavesNoFile() {
        RemoteFile listed = file("etag=a", BYTES.length, null);
        BackupCache.Opener breaking = f -> new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served == 10) {
                    throw new IOException("Connection reset");
                }
                return BYTES[served++];
            }
        };

        assertThatThrownBy(() -> cache().fetch("postgres", listed, breaking))
                .hasMessageContaining("broke off after 10 of " + BYTES.length + " bytes")
                .hasMessageContaining("Connection reset");
        assertThat(temp.resolve("cache").resolve(listed.name())).doesNotExist();
        assertThat(partFiles()).isZero();
    }

    @Test
    void bytesThatDoNotMatchTheEtagsMd5AreRefused() {
        RemoteFile listed = file("etag=x", BYTES.length, "00112233445566778899aabbccddeeff");

        assertThatThrownBy(() -> cache().fetch("postgres", listed, this::serve))
                .hasMessageContaining("but the source's ETag says 00112233445566778899aabbccddeeff");
        assertThat(temp.resolve("cache").resolve(listed.name())).doesNotExist();
    }

    private long partFiles() {
        try (var files = Files.list(temp.resolve("cache"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part")).count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String sha256() throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(BYTES));
    }

    private static String md5() throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(BYTES));
    }
}
