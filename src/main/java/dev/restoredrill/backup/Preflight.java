package dev.restoredrill.backup;

import dev.restoredrill.store.StoreType;
import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.backup.source.BackupSources;
import dev.restoredrill.backup.source.SourceSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The backup stage on its own, before any container starts: scans the backups directory with the runbook's
 * specs, prints the table, writes the JSON manifest, and exits 0 when every store passes.
 *
 * <p>{@code -Ddrill.backups=PATH} (default {@code ./backups}; also {@code s3://bucket/prefix} or
 * {@code restic:<repository>}), {@code -Ddrill.manifest=OUT.json} (default
 * {@code target/backup-manifest.json}), {@code -Ddrill.stores=postgres,mongodb} (default: the runbook's four),
 * {@code -Ddrill.pick=newest|date:YYYY-MM-DD|random-within:30d} with {@code -Ddrill.pick-seed} (see {@link BackupPick});
 * or the arguments {@code --backups=PATH --manifest=OUT.json --stores=LIST}.
 * Exit codes: 0 all PASS, 1 some store FAIL or ERROR, 2 the catalog could not run (bad arguments, missing
 * directory).
 */
public final class Preflight {
    public static final int OK = 0;
    public static final int NOT_PASSED = 1;
    public static final int CANNOT_RUN = 2;

    private Preflight() {}

    public static void main(String[] args) {
        System.exit(run(args, Clock.systemUTC(), ScanProgress.logging(), System.out, System.err));
    }

    public static int run(String[] args, Clock clock, ScanProgress progress, PrintStream out, PrintStream err) {
        String backups = System.getProperty("drill.backups", "backups");
        Path manifestFile = Path.of(System.getProperty("drill.manifest", "target/backup-manifest.json"));
        String stores = System.getProperty("drill.stores", "");
        for (String arg : args) {
            if (arg.startsWith("--backups=")) {
                backups = arg.substring("--backups=".length());
            } else if (arg.startsWith("--manifest=")) {
                manifestFile = Path.of(arg.substring("--manifest=".length()));
            } else if (arg.startsWith("--stores=")) {
                stores = arg.substring("--stores=".length());
            } else {
                err.println("unknown argument '" + arg + "'; expected --backups=PATH, --manifest=OUT.json,"
                        + " --stores=LIST (or -Ddrill.backups, -Ddrill.manifest, -Ddrill.stores)");
                return CANNOT_RUN;
            }
        }
        BackupLocation location;
        try {
            location = BackupSources.open(backups, SourceSettings.fromSystemProperties(Path.of("target/drill")));
        } catch (IllegalArgumentException e) {
            err.println("pre-flight cannot run: " + e.getMessage());
            return CANNOT_RUN;
        }
        if (location instanceof DirectoryLocation
                && manifestFile.toAbsolutePath().normalize().startsWith(location.localDirectory())) {
            err.println("the manifest " + manifestFile + " would be written into the backups directory " + backups
                    + ", which the drill never writes to: choose another -Ddrill.manifest");
            return CANNOT_RUN;
        }
        List<StoreBackupSpec> specs = selectStores(stores);
        if (specs == null) {
            err.println("--stores=" + stores + " must name stores among "
                    + StoreType.names());
            return CANNOT_RUN;
        }
        BackupPick pick;
        try {
            pick = BackupPick.parse(System.getProperty(BackupPick.PROPERTY, ""),
                    Optional.ofNullable(System.getProperty(BackupPick.SEED_PROPERTY)), new SecureRandom()::nextLong);
        } catch (IllegalArgumentException e) {
            err.println("-D" + BackupPick.PROPERTY + ": " + e.getMessage());
            return CANNOT_RUN;
        }
        BackupManifest manifest;
        try {
            manifest = new BackupCatalog(clock, progress).scan(location, specs, pick);
        } catch (BackupCatalogException e) {
            err.println("pre-flight cannot run: " + e.getMessage());
            return CANNOT_RUN;
        }
        out.print(manifest.toTable());
        for (StoreResult store : manifest.stores()) {
            if (store.error() != null) {
                out.println(store.store() + " ERROR: " + store.error());
            }
            store.failures().forEach(f -> out.println(store.store() + " FAIL: " + f));
            store.warnings().forEach(w -> out.println(store.store() + " warning: " + w));
        }
        try {
            manifest.writeJson(manifestFile);
            out.println("manifest: " + manifestFile.toAbsolutePath());
        } catch (IOException e) {
            err.println("cannot write the manifest to " + manifestFile + " (" + e.getMessage() + ")");
            return CANNOT_RUN;
        }
        return manifest.verdict() == Verdict.PASS ? OK : NOT_PASSED;
    }

    private static List<StoreBackupSpec> selectStores(String stores) {
        if (stores.isBlank()) {
            return runbookDefaults();
        }
        Set<String> wanted = new HashSet<>(Arrays.asList(stores.trim().split("\\s*,\\s*")));
        List<StoreBackupSpec> specs = runbookDefaults().stream()
                .filter(s -> wanted.contains(s.store())).toList();
        return specs.size() == wanted.size() ? specs : null; // null: some name is not a store
    }

    /** Every store as the runbook backs it up, with its RPO target. */
    private static List<StoreBackupSpec> runbookDefaults() {
        return Arrays.stream(StoreType.values()).map(StoreType::backupSpec).toList();
    }
}
