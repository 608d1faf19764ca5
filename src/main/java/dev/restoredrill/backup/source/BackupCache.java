package dev.restoredrill.backup.source;

import dev.restoredrill.backup.BackupUnreadableException;
import dev.restoredrill.backup.FetchRecord;
import dev.restoredrill.backup.ProgressInputStream;
import dev.restoredrill.backup.ScanProgress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The drill runner's local copies of remote backups, one directory per source. A file is fetched once, hashed
 * while it streams (sha256, and MD5 when the source gives one to compare), written under a temp name and renamed
 * only when it is complete and verified: a partial download is never used. A copy from an earlier run is used
 * only when the source still reports the identity and size recorded at its fetch, and the copy still has the
 * recorded size and sha256.
 */
final class BackupCache {

    /** Streams a remote file; closing the stream reports a source that stopped early. */
    interface Opener {
        InputStream open(RemoteFile file) throws IOException;
    }

    private final Path dir;
    private final String source;
    private final ScanProgress progress;
    private final Duration progressInterval;

    BackupCache(Path dir, String source, ScanProgress progress, Duration progressInterval) {
        this.dir = dir;
        this.source = source;
        this.progress = progress;
        this.progressInterval = progressInterval;
    }

    Path dir() {
        return dir;
    }

    /** The local copy of {@code file}, fetched now or reused; the record says which and what it cost. */
    Fetched fetch(String store, RemoteFile file, Opener opener) throws BackupUnreadableException {
        long start = System.nanoTime();
        Path target = dir.resolve(file.name());
        try {
            Files.createDirectories(dir);
            Optional<String> reused = reusable(target, file);
            if (reused.isPresent()) {
                return new Fetched(target, new FetchRecord(store, file.name(), file.key(), file.identity(),
                        file.sizeBytes(), reused.get(), 0, Duration.ofNanos(System.nanoTime() - start), true, null));
            }
            CacheEntry.delete(target);
            String sha256 = download(store, file, opener, target);
            return new Fetched(target, new FetchRecord(store, file.name(), file.key(), file.identity(),
                    file.sizeBytes(), sha256, file.sizeBytes(), Duration.ofNanos(System.nanoTime() - start), false,
                    null));
        } catch (BackupUnreadableException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BackupUnreadableException(file.name() + " could not be fetched from " + source + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "): check the connection and free"
                    + " space in " + dir + ", then run the drill again (a partial copy is never used).", e);
        }
    }

    /** The sha256 of a cached copy that is still the source's file, else empty. */
    static Optional<String> reusable(Path target, RemoteFile now) throws IOException {
        Optional<CacheEntry> entry = CacheEntry.read(target);
        if (entry.isEmpty() || !entry.get().describes(now) || !Files.isRegularFile(target)
                || Files.size(target) != now.sizeBytes()) {
            return Optional.empty();
        }
        MessageDigest sha256 = digest("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(target), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        String actual = HexFormat.of().formatHex(sha256.digest());
        return actual.equals(entry.get().sha256()) ? Optional.of(actual) : Optional.empty();
    }

    private String download(String store, RemoteFile file, Opener opener, Path target) throws IOException {
        Path temp = Files.createTempFile(dir, "." + file.name() + ".", ".part");
        boolean done = false;
        try {
            MessageDigest sha256 = digest("SHA-256");
            MessageDigest md5 = digest("MD5");
            InputStream remote = opener.open(file); // fails on its own words: refused, vanished, changed
            ProgressInputStream counted = new ProgressInputStream(
                    new DigestInputStream(new DigestInputStream(remote, sha256), md5), progress,
                    new ScanProgress.Target(store, "fetch", file.name(), file.sizeBytes()), progressInterval);
            // Reading and closing both count: a restic dump that dies reports it when its stream is closed.
            try (counted; OutputStream out = Files.newOutputStream(temp)) {
                counted.transferTo(out);
            } catch (IOException | RuntimeException cut) {
                throw new BackupUnreadableException(file.name() + ": the download from " + source + " broke off"
                        + " after " + counted.bytesRead() + " of " + file.sizeBytes() + " bytes (" + cut
                        .getClass().getSimpleName() + ": " + cut.getMessage() + "): nothing was kept; check the"
                        + " network path to the source and run the drill again.", cut);
            }
            long bytes = counted.bytesRead();
            counted.finish();
            if (bytes != file.sizeBytes()) {
                throw new BackupUnreadableException(file.name() + ": the download from " + source + " ended after "
                        + bytes + " bytes but the source lists " + file.sizeBytes() + ": the transfer was cut or the"
                        + " file changed while it was read; nothing was kept, run the drill again.");
            }
            String md5Hex = HexFormat.of().formatHex(md5.digest());
            if (file.expectedMd5() != null && !file.expectedMd5().equalsIgnoreCase(md5Hex)) {
                throw new BackupUnreadableException(file.name() + ": the bytes fetched from " + source + " have MD5 "
                        + md5Hex + " but the source's ETag says " + file.expectedMd5() + ": corrupted in transit or"
                        + " changed while read; nothing was kept, run the drill again.");
            }
            String sha = HexFormat.of().formatHex(sha256.digest());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            if (file.modified() != null) {
                Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.from(file.modified()));
            }
            new CacheEntry(file.identity(), file.sizeBytes(), sha).write(target);
            return sha;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JRE", e);
        }
    }

    record Fetched(Path file, FetchRecord record) {}
}
