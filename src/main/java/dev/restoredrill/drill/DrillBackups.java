package dev.restoredrill.drill;

import dev.restoredrill.backup.BackupLocation;
import dev.restoredrill.backup.DirectoryLocation;
import dev.restoredrill.backup.source.BackupSources;
import dev.restoredrill.backup.source.SourceSettings;
import dev.restoredrill.backup.source.SourceUri;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a drill's backups come from: the user's directory, or, when the user named none and {@code ./backups} is
 * empty, a demo set generated for the occasion (and marked as such, so it is never taken for evidence).
 *
 * <p>Also the drill account's and gateway key's secrets: from the environment (DRILL_USER_EMAIL,
 * DRILL_USER_PASSWORD, DRILL_GATEWAY_KEY, …), else from the {@code drill-credentials.env} a generated set carries.
 *
 * <p>An off-host copy ({@code s3://bucket/prefix}, {@code restic:<repository>}) is a {@link BackupLocation} whose
 * chosen files the catalog fetches into a local cache; {@code directory} is then that cache, which the restores
 * read. Its secrets come from the environment only.
 */
public record DrillBackups(Path directory, boolean demo, Map<String, String> secrets, BackupLocation location) {

    public DrillBackups(Path directory, boolean demo, Map<String, String> secrets) {
        this(directory, demo, secrets, new DirectoryLocation(directory));
    }

    private static final Logger LOG = LoggerFactory.getLogger(DrillBackups.class);
    static final String CREDENTIALS_FILE = "drill-credentials.env";

    public static DrillBackups resolve(String source, boolean explicit, Path workDir, Clock clock) {
        if (SourceUri.parse(source).remote()) {
            BackupLocation remote = BackupSources.open(source, SourceSettings.fromSystemProperties(workDir));
            return new DrillBackups(remote.localDirectory(), false, secrets(remote.localDirectory()), remote);
        }
        Path configured = Path.of(source);
        if (explicit || hasFiles(configured)) {
            return new DrillBackups(configured, false, secrets(configured));
        }
        Path demo = workDir.resolve("demo-backups").resolve(LocalDate.now(clock).toString());
        if (!hasFiles(demo)) {
            LOG.warn("no backups in {} and no -Ddrill.backups: generating a DEMO backup set into {} "
                    + "(a demo drill is marked as such and is not evidence)", configured.toAbsolutePath(), demo);
            DemoBackupSet.generate(demo, LocalDate.now(clock));
        } else {
            LOG.warn("no backups in {}: using today's DEMO backup set {}", configured.toAbsolutePath(), demo);
        }
        return new DrillBackups(demo, true, secrets(demo));
    }

    private static boolean hasFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> !f.getFileName().toString().equals(CREDENTIALS_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir, e);
        }
    }

    /** The environment's DRILL_* values, falling back to the set's credentials file. */
    private static Map<String, String> secrets(Path dir) {
        Map<String, String> secrets = new HashMap<>();
        Path file = dir.resolve(CREDENTIALS_FILE);
        if (Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file)) {
                    int eq = line.indexOf('=');
                    if (eq > 0 && !line.startsWith("#")) {
                        secrets.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file, e);
            }
        }
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("DRILL_")) {
                secrets.put(name, value);
            }
        });
        return Map.copyOf(secrets);
    }

    @Override
    public String toString() {
        return "DrillBackups[" + location.describe() + (demo ? ", demo" : "") + ", " + secrets.size() + " secrets]";
    }
}
