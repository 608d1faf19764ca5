package dev.restoredrill.backup.source;

import dev.restoredrill.backup.BackupLocation;
import dev.restoredrill.backup.DirectoryLocation;
import dev.restoredrill.backup.ProgressInputStream;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Opens what {@code -Ddrill.backups} names: a directory, an S3 prefix, or a restic repository. */
public final class BackupSources {
    private BackupSources() {}

    /** @throws IllegalArgumentException when the text is no source the drill reads (see {@link SourceUri}) */
    public static BackupLocation open(String spec, SourceSettings settings) {
        SourceUri uri = SourceUri.parse(spec);
        return switch (uri.kind()) {
            case DIRECTORY -> new DirectoryLocation(Path.of(uri.raw()));
            case S3 -> remote(uri, new S3Store(uri, settings), settings);
            case RESTIC -> remote(uri, new ResticStore(uri, settings), settings);
        };
    }

    private static RemoteLocation remote(SourceUri uri, RemoteStore store, SourceSettings settings) {
        BackupCache cache = new BackupCache(cacheDir(settings.cacheRoot(), uri), uri.masked(), settings.progress(),
                ProgressInputStream.DEFAULT_INTERVAL);
        return new RemoteLocation(uri, store, cache);
    }

    /** One cache directory per source, named by kind and a hash of the source (never its credentials). */
    static Path cacheDir(Path root, SourceUri uri) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(uri.raw().getBytes(StandardCharsets.UTF_8));
            return root.resolve(uri.kind().name().toLowerCase() + "-" + HexFormat.of().formatHex(hash, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
