package dev.restoredrill.backup;

import dev.restoredrill.concurrent.ConcurrentWork;
import dev.restoredrill.outcome.Verdict;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

/**
 * The backup stage: finds each store's newest backup in a backup source (a directory, or an off-host copy: see
 * {@link BackupLocation}), reads it once end to end, and judges it (integrity, format, RPO) into a
 * {@link BackupManifest}. It only ever reads the source.
 */
public final class BackupCatalog {
    /** The runbook: "If your Postgres dump grows past ~10 GB, something else is wrong". */
    public static final long PG_DUMP_WARN_BYTES = 10_000_000_000L;

    private final Clock clock;
    private final ScanProgress progress;
    private final long pgDumpWarnBytes;
    private final Duration progressInterval;

    public BackupCatalog(Clock clock, ScanProgress progress) {
        this(clock, progress, PG_DUMP_WARN_BYTES, ProgressInputStream.DEFAULT_INTERVAL);
    }

    private BackupCatalog(Clock clock, ScanProgress progress, long pgDumpWarnBytes, Duration progressInterval) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.pgDumpWarnBytes = pgDumpWarnBytes;
        this.progressInterval = progressInterval;
    }

    /** Scans with the default limits. */
    public static BackupManifest scan(Path dir, List<StoreBackupSpec> specs, Clock clock, ScanProgress progress) {
        return new BackupCatalog(clock, progress).scan(dir, specs);
    }

    /** The size above which a pg dump draws the runbook's spend-logs warning. */
    public BackupCatalog withPgDumpWarnBytes(long bytes) {
        return new BackupCatalog(clock, progress, bytes, progressInterval);
    }

    /** How often big files report progress (about every 2 s by default). */
    public BackupCatalog withProgressInterval(Duration interval) {
        return new BackupCatalog(clock, progress, pgDumpWarnBytes, interval);
    }

    /**
     * @throws BackupCatalogException when the directory is missing or cannot be listed, or specs repeat a store
     */
    public BackupManifest scan(Path dir, List<StoreBackupSpec> specs) {
        return scan(new DirectoryLocation(dir), specs);
    }

    /**
     * Lists the location, chooses each store's newest backup from the listing, and only then reads the chosen
     * files (fetching them first when the location is remote). A remote source that cannot be listed makes
     * every store an ERROR carrying its message, so the fault is evidence rather than a stopped drill.
     *
     * @throws BackupCatalogException when a local directory is missing or cannot be listed, or specs repeat a
     *                                store
     */
    public BackupManifest scan(BackupLocation location, List<StoreBackupSpec> specs) {
        return scan(location, specs, new BackupPick.Newest());
    }

    /**
     * As {@link #scan(BackupLocation, List)}, restoring the night {@code pick} decides (over every store at once)
     * instead of each store's newest backup. Only the picked files are read (fetched); the RPO is still judged on
     * each store's newest backup, from the listing.
     */
    public BackupManifest scan(BackupLocation location, List<StoreBackupSpec> specs, BackupPick pick) {
        Instant drillTime = clock.instant();
        LocalDate drillDay = LocalDate.ofInstant(drillTime, ZoneOffset.UTC);
        List<ListedFile> entries;
        String unavailable = null;
        try {
            entries = location.list();
        } catch (SourceUnavailableException e) {
            entries = List.of();
            unavailable = e.getMessage();
        }
        requireDistinctStores(specs);
        Map<String, List<BackupCandidate>> listed = new LinkedHashMap<>();
        for (StoreBackupSpec spec : specs) {
            listed.put(spec.store(), BackupSelector.select(entries, spec, drillDay));
        }
        PickDecision decision = unavailable == null ? NightPicker.decide(pick, listed, drillDay)
                : new PickDecision(pick.spec(), null, null, pick.describe() + ": not decided, the source could not"
                        + " be listed", List.of(), null);
        FileScanner scanner = new FileScanner(progress, progressInterval, pgDumpWarnBytes);
        String why = unavailable;
        List<ListedFile> listing = entries;
        List<StoreResult> stores = scanAtOnce(specs, spec -> why != null
                ? new StoreResult(spec.store(), spec.format(), spec.filePattern(), spec.rpo(), Verdict.ERROR,
                        null, null, null, false, null, List.of(), List.of(), List.of(), why)
                : scanStore(location, listing, spec, drillTime, scanner, decision));
        return new BackupManifest(drillTime, location.localDirectory().toString(), BackupSelector.RULE,
                RpoCheck.BASIS_RULE, Verdict.PASS, List.of(), location.record(), decision).withStores(stores);
    }

    /** Every store's file at the same time (each a pass of its own); results in the order of the specs. */
    private static List<StoreResult> scanAtOnce(List<StoreBackupSpec> specs,
            Function<StoreBackupSpec, StoreResult> scan) {
        List<Callable<StoreResult>> scans = specs.stream().<Callable<StoreResult>>map(spec -> () -> scan.apply(spec))
                .toList();
        List<StoreResult> stores = ConcurrentWork.run("catalog-scan", specs.size(), scans);
        if (stores.contains(null)) { // interrupted; the thread keeps its interrupt flag
            throw new CancellationException("the backup catalog's scan was interrupted before every store was read");
        }
        return stores;
    }

    private StoreResult scanStore(BackupLocation location, List<ListedFile> entries, StoreBackupSpec spec,
            Instant drillTime, FileScanner scanner, PickDecision decision) {
        LocalDate drillDay = LocalDate.ofInstant(drillTime, ZoneOffset.UTC);
        List<BackupCandidate> candidates = BackupSelector.select(entries, spec, drillDay,
                Optional.ofNullable(decision.night()));
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        candidates.stream().filter(c -> c.status() == BackupCandidate.Status.FUTURE_DATE).forEach(c ->
                warnings.add(c.fileName() + " is dated after the drill day (" + drillDay
                        + " UTC): not trusted as newest; check the backup host's clock."));
        Optional<BackupCandidate> picked = decision.failure() != null ? Optional.empty()
                : BackupSelector.chosen(candidates);
        Optional<BackupCandidate> newest = BackupSelector.newestUsable(candidates);
        // The RPO is about the newest backup existing; an older night picked on purpose does not breach it.
        RpoCheck rpo = newest.map(n -> RpoCheck.assess(n.date(), n.modified(), spec.rpo(), drillTime)).orElse(null);
        if (rpo != null && !rpo.met()) {
            failures.add(newest.get().fileName() + ": " + RpoCheck.MISSED + ": "
                    + (decision.newestPicked() ? "the backup is " : "the newest backup is ")
                    + Sizes.duration(rpo.age()) + " old (from " + rpo.backupInstant() + ", basis " + rpo.basis()
                    + ") but the RPO is " + Sizes.duration(spec.rpo())
                    + "; the backup job has not run or not succeeded since.");
        }
        if (picked.isEmpty()) {
            failures.add(decision.failure() != null ? decision.failure()
                    : newest.isEmpty() ? noBackupMessage(location, spec, candidates)
                    : NightMessages.noBackupThatNight(spec, decision, candidates));
            return new StoreResult(spec.store(), spec.format(), spec.filePattern(), spec.rpo(), Verdict.FAIL, null,
                    rpo, null, false, null, candidates, List.copyOf(failures), List.copyOf(warnings), null);
        }
        BackupCandidate chosen = picked.get();
        PickedBackup pickRecord = pickRecord(chosen, candidates, spec, drillTime, decision);
        FileScan scan;
        try {
            scan = scanner.scan(spec.store(), location.localCopy(spec.store(),
                    new ListedFile(chosen.fileName(), chosen.modified())), spec.format());
        } catch (BackupUnreadableException e) {
            scan = FileScan.unreadable(e.getMessage());
        }
        failures.addAll(scan.failures());
        if (scan.facts() != null) {
            scan.facts().warnings().forEach(w -> warnings.add(chosen.fileName() + ": " + w));
        }
        Optional<String> hostile = scan.facts() instanceof TarFacts tar && tar.hostile()
                ? Optional.of(tar.hostileEntries().get(0)).map(h -> "entry '" + h.entry() + "': " + h.reason())
                : scan.facts() instanceof PgDumpFacts pg && pg.hostile()
                ? Optional.of(pg.hostileLines().get(0).describe()) : Optional.empty();
        return new StoreResult(spec.store(), spec.format(), spec.filePattern(), spec.rpo(),
                StoreResult.verdictOf(scan.error(), failures),
                new ChosenBackup(chosen.fileName(), scan.sizeBytes(), scan.sha256(), null, scan.uncompressedBytes()),
                rpo, scan.facts(), hostile.isPresent(),
                hostile.orElse(null),
                candidates, List.copyOf(failures), List.copyOf(warnings), scan.error(), pickRecord);
    }

    private static PickedBackup pickRecord(BackupCandidate chosen, List<BackupCandidate> candidates,
            StoreBackupSpec spec, Instant drillTime, PickDecision decision) {
        RpoCheck own = RpoCheck.assess(chosen.date(), chosen.modified(), spec.rpo(), drillTime);
        int passedOver = (int) candidates.stream().filter(c -> c.status() == BackupCandidate.Status.NEWER).count();
        boolean newest = passedOver == 0;
        String reason = decision.newestPicked() ? "newest usable backup"
                : "the night of " + decision.night() + " (" + decision.reason() + ")" + (newest
                ? "; it is also the newest" : "; " + passedOver + " newer backup(s) passed over on purpose");
        return new PickedBackup(reason, chosen.date(), own.backupInstant(), own.basis(), own.age(), newest,
                passedOver);
    }

    private static String noBackupMessage(BackupLocation location, StoreBackupSpec spec,
            List<BackupCandidate> candidates) {
        String base = "no usable backup: no file in " + location.describe() + " matches '" + spec.filePattern()
                + "'";
        if (candidates.isEmpty()) {
            return base + " ({date} = YYYY-MM-DD). " + location.noMatchAdvice(spec.store());
        }
        long future = candidates.stream().filter(c -> c.status() == BackupCandidate.Status.FUTURE_DATE).count();
        return base + " with a usable date: " + candidates.size() + " file(s) match but " + future
                + " are dated in the future and " + (candidates.size() - future) + " have no valid YYYY-MM-DD date.";
    }

    /**
     * Re-hashes each chosen file and records it as sha256_after; a file changed or gone since the scan is a
     * FAIL. Run after the drill, to show the drill left the backups as it found them.
     */
    public BackupManifest verifyUnchanged(BackupManifest manifest) {
        FileScanner scanner = new FileScanner(progress, progressInterval, pgDumpWarnBytes);
        List<StoreResult> stores = new ArrayList<>();
        for (StoreResult store : manifest.stores()) {
            if (store.chosen() == null || store.chosen().sha256Before() == null) {
                stores.add(store);
                continue;
            }
            Path file = Path.of(manifest.sourceDir()).resolve(store.chosen().fileName());
            try {
                stores.add(store.withSha256After(scanner.rehash(store.store(), file), null));
            } catch (BackupUnreadableException e) {
                stores.add(store.withSha256After(null, "after the drill, " + e.getMessage()));
            }
        }
        return manifest.withStores(stores);
    }

    private static void requireDistinctStores(List<StoreBackupSpec> specs) {
        var seen = new HashSet<String>();
        for (StoreBackupSpec spec : specs) {
            if (!seen.add(spec.store())) {
                throw new BackupCatalogException("store '" + spec.store() + "' is given twice; each store has one"
                        + " backup spec.");
            }
        }
    }
}
