package dev.restoredrill.backup.source;

import dev.restoredrill.store.StoreType;

import dev.restoredrill.backup.BackupCatalog;
import dev.restoredrill.backup.BackupLocation;
import dev.restoredrill.backup.BackupManifest;
import dev.restoredrill.backup.FetchRecord;
import dev.restoredrill.backup.ScanProgress;
import dev.restoredrill.backup.StoreResult;
import dev.restoredrill.outcome.Verdict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the source ITs share: the catalog over a location, and reading its manifest as a user would. */
final class Drills {
    static final List<String> STORES = List.of("postgres", "mongodb", "clickhouse", "minio");

    private Drills() {}

    static SourceSettings settings(Path cacheRoot, String s3Endpoint, Map<String, String> env,
            Optional<String> snapshot) {
        return new SourceSettings(cacheRoot, snapshot, Optional.ofNullable(s3Endpoint), Optional.empty(), "restic",
                env, ScanProgress.logging());
    }

    static BackupManifest catalog(BackupLocation location) {
        return new BackupCatalog(Clock.systemUTC(), ScanProgress.logging())
                .scan(location, java.util.Arrays.stream(StoreType.values()).map(StoreType::backupSpec).toList());
    }

    static StoreResult store(BackupManifest manifest, String name) {
        return manifest.store(name).orElseThrow();
    }

    static FetchRecord fetch(BackupManifest manifest, String store) {
        return manifest.source().fetches().stream().filter(f -> f.store().equals(store)).findFirst().orElseThrow();
    }

    /** The fetched backups in a cache directory (not the records or temp files, which start with a dot). */
    static List<String> cachedBackups(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
        }
    }

    static List<String> partFiles(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".part")).toList();
        }
    }

    /** A source that cannot be read: every store an ERROR with the source's one message, in the evidence. */
    static void assertEveryStoreErrors(BackupManifest manifest, String... messageParts) {
        assertThat(manifest.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(manifest.source().fault()).contains(messageParts);
        for (String name : STORES) {
            assertThat(store(manifest, name).error()).isEqualTo(manifest.source().fault());
        }
        assertThat(manifest.toTable()).contains("UNAVAILABLE");
    }
}
