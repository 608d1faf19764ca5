package dev.restoredrill.backup.source;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * What the cache recorded about a fetched file, next to it ({@code .NAME.source}): the source's identity and
 * size at the fetch, and the sha256 of the bytes written. A cached copy is this file only if the source still
 * reports the same identity and size, and the copy on disk still has that size and sha256.
 */
record CacheEntry(String identity, long sizeBytes, String sha256) {

    static Path sidecar(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".source");
    }

    /** The source says this is still the file the cache fetched. */
    boolean describes(RemoteFile now) {
        return identity.equals(now.identity()) && sizeBytes == now.sizeBytes();
    }

    static Optional<CacheEntry> read(Path file) {
        Path sidecar = sidecar(file);
        if (!Files.isRegularFile(sidecar)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(sidecar, StandardCharsets.UTF_8)) {
            p.load(in);
            return Optional.of(new CacheEntry(p.getProperty("identity", ""),
                    Long.parseLong(p.getProperty("size", "-1")), p.getProperty("sha256", "")));
        } catch (IOException | NumberFormatException damaged) {
            return Optional.empty(); // an unreadable record: the copy is fetched again
        }
    }

    /** Written to a temp name and renamed, so a half-written record is never read. */
    void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("identity", identity);
        p.setProperty("size", Long.toString(sizeBytes));
        p.setProperty("sha256", sha256);
        Path sidecar = sidecar(file);
        Path temp = Files.createTempFile(sidecar.getParent(), sidecar.getFileName().toString(), ".part");
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            p.store(out, "restore-drill cache record: the source's identity of the file next to this one");
        }
        Files.move(temp, sidecar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void delete(Path file) throws IOException {
        Files.deleteIfExists(sidecar(file));
    }
}
