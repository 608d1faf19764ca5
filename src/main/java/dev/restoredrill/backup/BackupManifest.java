package dev.restoredrill.backup;

import dev.restoredrill.outcome.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The catalog's evidence: for each store the backup the drill uses, its integrity, its age against the RPO,
 * what it holds, and a verdict. JSON field names are documented in MANIFEST.md.
 *
 * @param drillTime         the drill clock's instant at the scan
 * @param sourceDir         the backups directory, absolute
 * @param selectionRule     how the newest backup was chosen, in words
 * @param backupInstantRule how a backup's instant (hence its age) was taken, in words
 * @param verdict           the worst store verdict (ERROR, then FAIL, then PASS)
 * @param source            where the backups were read from (a directory, an S3 prefix, a restic snapshot) and
 *                          what was fetched; {@code sourceDir} is then the local cache holding the chosen files
 * @param pick              which night the drill restores and why ({@code backups.pick}, {@code -Ddrill.pick});
 *                          null in a manifest written before picks existed (then: the newest)
 */
public record BackupManifest(Instant drillTime, String sourceDir, String selectionRule, String backupInstantRule,
        Verdict verdict, List<StoreResult> stores, SourceRecord source, PickDecision pick) {

    /** A manifest of each store's newest backup. */
    public BackupManifest(Instant drillTime, String sourceDir, String selectionRule, String backupInstantRule,
            Verdict verdict, List<StoreResult> stores, SourceRecord source) {
        this(drillTime, sourceDir, selectionRule, backupInstantRule, verdict, stores, source, PickDecision.newest());
    }

    /** A manifest of a local backups directory. */
    public BackupManifest(Instant drillTime, String sourceDir, String selectionRule, String backupInstantRule,
            Verdict verdict, List<StoreResult> stores) {
        this(drillTime, sourceDir, selectionRule, backupInstantRule, verdict, stores,
                SourceRecord.directory(sourceDir));
    }

    public Optional<StoreResult> store(String name) {
        return stores.stream().filter(s -> s.store().equals(name)).findFirst();
    }

    /** One screen: a header and one line per store, at most 100 columns. */
    public String toTable() {
        return ManifestTable.render(this);
    }

    public String toJson() {
        return ManifestJson.write(this);
    }

    public void writeJson(Path file) throws IOException {
        ManifestJson.write(this, file);
    }

    public static BackupManifest fromJson(String json) {
        return ManifestJson.read(json);
    }

    /** Re-hashes the chosen files (after the drill); a changed or vanished file is a FAIL. */
    public BackupManifest verifyUnchanged() {
        return new BackupCatalog(Clock.systemUTC(), ScanProgress.logging()).verifyUnchanged(this);
    }

    BackupManifest withStores(List<StoreResult> newStores) {
        return new BackupManifest(drillTime, sourceDir, selectionRule, backupInstantRule,
                Verdict.worst(newStores.stream().map(StoreResult::verdict).toList()), List.copyOf(newStores), source,
                pick);
    }
}
