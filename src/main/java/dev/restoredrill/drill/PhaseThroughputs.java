package dev.restoredrill.drill;

import dev.restoredrill.backup.BackupManifest;
import dev.restoredrill.backup.ChosenBackup;
import dev.restoredrill.backup.FetchRecord;
import dev.restoredrill.backup.SourceRecord;
import dev.restoredrill.backup.StoreResult;
import dev.restoredrill.evidence.PhaseThroughput;
import dev.restoredrill.evidence.PhaseThroughput.Status;
import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.restore.RestoreOutcome;
import dev.restoredrill.scenario.CheckPlan;
import dev.restoredrill.scenario.DrillPlan;
import dev.restoredrill.scenario.StorePlan;
import dev.restoredrill.store.CheckKind;
import dev.restoredrill.verify.CheckOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each data-moving phase of a drill, per store, as the evidence lists it (issue 16): the catalog's scan, a remote
 * source's fetch, the restore (the backup file's bytes over the time it moved data, without the services' start), the
 * checks that read the restored data in full, and the after-drill re-hash. Only what was measured: a check that
 * counts rows and not bytes gives rows/s, never invented bytes.
 */
final class PhaseThroughputs {
    private static final Logger LOG = LoggerFactory.getLogger(PhaseThroughputs.class);
    /** What the full reads count (PostgresIntegrity, ClickHouseIntegrity, S3ObjectVerification). */
    static final String BYTES_READ = "bytes read";
    static final String BYTES_COMPARED = "bytes compared";
    static final String ROWS_READ = "rows read";

    private PhaseThroughputs() {}

    /** The one line per phase and store the drill's log carries when the phase ends. */
    static void log(PhaseThroughput phase) {
        LOG.info("throughput: {}", phase.describe());
    }

    /**
     * Every phase of the drill so far: catalog and fetch per store, then (not in a pre-flight) restore per store
     * and each full read of the scenario, then the re-hash of each file re-hashed.
     */
    static List<PhaseThroughput> of(DrillPlan plan, boolean preflight, Optional<BackupManifest> manifest,
            ScanThroughput scans, ScanThroughput rehashes, Optional<Map<String, RestoreOutcome>> restores,
            Map<String, CheckOutcome> checks) {
        List<String> stores = plan.stores().stream().map(StorePlan::name).toList();
        List<PhaseThroughput> all = new ArrayList<>();
        for (String store : stores) {
            all.add(catalog(store, manifest.flatMap(m -> m.store(store)), scans.of(PhaseThroughput.CATALOG, store)));
        }
        manifest.map(BackupManifest::source).map(SourceRecord::fetches).orElse(List.of()).stream()
                .filter(f -> !f.fromCache())
                .map(PhaseThroughputs::fetch).forEach(all::add);
        if (!preflight) {
            for (String store : stores) {
                all.add(restore(store, manifest.flatMap(m -> m.store(store)),
                        restores.map(r -> r.get(store)).orElse(null)));
            }
            for (CheckPlan check : plan.checks()) {
                if (readsTheData(check.kind())) {
                    all.add(check(check, checks.get(check.name())));
                }
            }
        }
        all.addAll(rehashes.all(PhaseThroughput.REHASH, stores));
        return all;
    }

    /** The scan as it finished, else FAILED when the catalog could not read the backup, else NOT_RUN. */
    static PhaseThroughput catalog(String store, Optional<StoreResult> result, PhaseThroughput finished) {
        if (finished != null) {
            return finished;
        }
        return result.filter(r -> r.error() != null).isPresent()
                ? PhaseThroughput.failed(PhaseThroughput.CATALOG, store, null, null)
                : PhaseThroughput.notRun(PhaseThroughput.CATALOG, store);
    }

    /** A download from S3 or restic (a reused cached copy moves nothing and is not listed). */
    static PhaseThroughput fetch(FetchRecord fetch) {
        return fetch.error() == null
                ? PhaseThroughput.completed(PhaseThroughput.FETCH, fetch.store(), fetch.bytesFetched(), fetch.took())
                : PhaseThroughput.failed(PhaseThroughput.FETCH, fetch.store(), null, fetch.took());
    }

    /**
     * The backup file's bytes over the time the restore moved data (its extraction and its load, not the services'
     * start, which the RTO counts); no rate for a restore that failed or never ran.
     */
    static PhaseThroughput restore(String store, Optional<StoreResult> catalog, RestoreOutcome outcome) {
        if (outcome == null) {
            return PhaseThroughput.notRun(PhaseThroughput.RESTORE, store);
        }
        Long bytes = catalog.map(StoreResult::chosen).map(ChosenBackup::sizeBytes).orElse(null);
        if (!outcome.restored()) {
            // refused by the catalog: it never started, so it took no time of its own
            Duration took = outcome.elapsed() == null || outcome.elapsed().isZero() ? null : outcome.elapsed();
            return PhaseThroughput.failed(PhaseThroughput.RESTORE, store, null, took);
        }
        return new PhaseThroughput(PhaseThroughput.RESTORE, store, null, Status.COMPLETED, bytes, null,
                outcome.moving());
    }

    /** A full read: the bytes it counted, else its rows; NOT_RUN when the drill did not get to it. */
    static PhaseThroughput check(CheckPlan check, CheckOutcome outcome) {
        String phase = check.kind().label();
        if (outcome == null) {
            return new PhaseThroughput(phase, check.store(), check.name(), Status.NOT_RUN, null, null, null);
        }
        Map<String, Long> counted = outcome.counted();
        Long bytes = counted.containsKey(BYTES_READ) ? counted.get(BYTES_READ) : counted.get(BYTES_COMPARED);
        Status status = outcome.verdict() == Verdict.PASS ? Status.COMPLETED : Status.FAILED;
        return new PhaseThroughput(phase, check.store(), check.name(), status, bytes, counted.get(ROWS_READ),
                outcome.elapsed());
    }

    /** The checks that move the restored data itself, not a count or a probe of it. */
    static boolean readsTheData(CheckKind kind) {
        return switch (kind) {
            case PG_FULL_READ, CLICKHOUSE_FULL_READ, S3_VERIFY -> true;
            case SQL, MONGO, CLICKHOUSE_SQL, S3_OBJECTS, PG_AMCHECK, CLICKHOUSE_CHECK_TABLE, MONGO_VALIDATE -> false;
        };
    }
}
