package dev.restoredrill.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restoredrill.backup.BackupFormat;
import dev.restoredrill.backup.ChosenBackup;
import dev.restoredrill.backup.StoreResult;
import dev.restoredrill.evidence.DrillEvidence;
import dev.restoredrill.evidence.PhaseThroughput;
import dev.restoredrill.evidence.PhaseThroughput.Status;
import dev.restoredrill.evidence.SummaryWriter;
import dev.restoredrill.outcome.FailureCategory;
import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.restore.RestoreOutcome;
import dev.restoredrill.scenario.IntegrityCheck;
import dev.restoredrill.scenario.Severity;
import dev.restoredrill.store.CheckKind;
import dev.restoredrill.verify.CheckOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which phases a drill lists with which bytes and times, and that a phase that failed or did not run has no rate. */
class PhaseThroughputsTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @TempDir
    Path temp;

    @Test
    void aDrillThatOnlyScannedListsTheRealScanAndNoRateForTheRestoreAndFullReadItNeverRan() throws IOException {
        Path dump = pgDump();
        DrillRun run = drill(dump.getParent());
        run.manifest();

        List<PhaseThroughput> phases = run.throughput();

        assertThat(phases).extracting(PhaseThroughput::phase).containsExactly("catalog", "restore", "pg-full-read");
        PhaseThroughput catalog = phases.get(0);
        assertThat(catalog.store()).isEqualTo("postgres");
        assertThat(catalog.status()).isEqualTo(Status.COMPLETED);
        assertThat(catalog.bytes()).isEqualTo(Files.size(dump));
        assertThat(catalog.elapsed()).isPositive();
        assertThat(catalog.mbPerSecond()).isPositive();
        assertThat(phases.subList(1, 3)).allSatisfy(p -> {
            assertThat(p.status()).isEqualTo(Status.NOT_RUN);
            assertThat(p.mbPerSecond()).isNull();
            assertThat(p.rate()).isEqualTo("not run");
        });
        assertThat(phases.get(2).check()).isEqualTo("pg rows");

        // closing the drill re-hashes the backup: a phase of its own
        run.close();
        PhaseThroughput rehash = run.throughput().get(3);
        assertThat(rehash.phase()).isEqualTo(PhaseThroughput.REHASH);
        assertThat(rehash.bytes()).isEqualTo(Files.size(dump));
        assertThat(rehash.status()).isEqualTo(Status.COMPLETED);

        DrillEvidence evidence = EvidenceAssembler.assemble(run, "drill-20261124-abcdef", NOW);
        assertThat(evidence.throughput()).isEqualTo(run.throughput());
        assertThat(SummaryWriter.render(evidence, "2026-Q4")).contains("| catalog | postgres | " + Files.size(dump)
                + " B | ", "| restore | postgres | — | — | not run |", "| pg-full-read: pg rows | postgres | — | — |"
                + " not run |");
    }

    @Test
    void aRestoreIsTheBackupFilesBytesOverTheTimeItMovedDataNotItsServicesStart() {
        // 30 s to restored (the RTO's share: the stack's and the service's start too), 4 s of it loading
        PhaseThroughput restored = PhaseThroughputs.restore("postgres", Optional.of(catalog("postgres", 80_000_000L,
                null)), RestoreOutcome.restored("postgres", Duration.ofSeconds(30), Duration.ofSeconds(4), List.of(),
                ""));

        assertThat(restored.bytes()).isEqualTo(80_000_000L);
        assertThat(restored.elapsed()).isEqualTo(Duration.ofSeconds(4));
        assertThat(restored.mbPerSecond()).isEqualTo(20.0);
    }

    @Test
    void aFailedOrRefusedRestoreHasNoRateAndARefusedOneNoTimeOfItsOwn() {
        PhaseThroughput failed = PhaseThroughputs.restore("mongodb", Optional.of(catalog("mongodb", 5_000_000L, null)),
                RestoreOutcome.failed("mongodb", Duration.ofSeconds(9), FailureCategory.RESTORE_FAILURE.failure("x"),
                        ""));
        PhaseThroughput refused = PhaseThroughputs.restore("mongodb", Optional.of(catalog("mongodb", 5_000_000L,
                null)), RestoreOutcome.failed("mongodb", Duration.ZERO, FailureCategory.CORRUPT_BACKUP.failure("x"),
                ""));

        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.elapsed()).isEqualTo(Duration.ofSeconds(9));
        assertThat(failed.mbPerSecond()).isNull();
        assertThat(refused.status()).isEqualTo(Status.FAILED);
        assertThat(refused.elapsed()).isNull();
        assertThat(refused.describe()).isEqualTo("restore of mongodb: failed, no rate");
        assertThat(PhaseThroughputs.restore("mongodb", Optional.empty(), null).status()).isEqualTo(Status.NOT_RUN);
    }

    @Test
    void aCatalogThatCouldNotReadTheBackupFailedAndOneWithNoFileNeverRan() {
        assertThat(PhaseThroughputs.catalog("postgres", Optional.of(catalog("postgres", null, "cannot be read")),
                null).status()).isEqualTo(Status.FAILED);
        assertThat(PhaseThroughputs.catalog("postgres", Optional.of(catalog("postgres", null, null)), null)
                .status()).isEqualTo(Status.NOT_RUN);
    }

    @Test
    void aFullReadGivesTheBytesItReadOrElseItsRowsAndAFailedOneNoRate() {
        IntegrityCheck pg = check("pg rows", "postgres", CheckKind.PG_FULL_READ);
        IntegrityCheck ch = check("ch rows", "clickhouse", CheckKind.CLICKHOUSE_FULL_READ);
        IntegrityCheck s3 = check("blobs", "minio", CheckKind.S3_VERIFY);

        PhaseThroughput pgRead = PhaseThroughputs.check(pg, outcome(pg, Verdict.PASS, Map.of("tables read", 12L,
                "rows read", 10_000L, "bytes read", 30_000_000L)));
        PhaseThroughput chRead = PhaseThroughputs.check(ch, outcome(ch, Verdict.PASS, Map.of("tables read", 3L,
                "rows read", 90_000L)));
        PhaseThroughput s3Read = PhaseThroughputs.check(s3, outcome(s3, Verdict.PASS, Map.of("objects verified", 4L,
                "bytes compared", 6_000_000L)));
        PhaseThroughput broken = PhaseThroughputs.check(pg, outcome(pg, Verdict.FAIL, Map.of("rows read", 10L,
                "bytes read", 300L)));

        assertThat(pgRead.phase()).isEqualTo("pg-full-read");
        assertThat(pgRead.check()).isEqualTo("pg rows");
        assertThat(pgRead.bytes()).isEqualTo(30_000_000L);
        assertThat(pgRead.rows()).isEqualTo(10_000L);
        assertThat(pgRead.mbPerSecond()).isEqualTo(10.0);
        assertThat(chRead.bytes()).as("ClickHouse's full read counts rows, no bytes are invented").isNull();
        assertThat(chRead.mbPerSecond()).isNull();
        assertThat(chRead.rowsPerSecond()).isEqualTo(30_000.0);
        assertThat(s3Read.bytes()).isEqualTo(6_000_000L);
        assertThat(broken.status()).isEqualTo(Status.FAILED);
        assertThat(broken.mbPerSecond()).isNull();
        assertThat(PhaseThroughputs.check(pg, null).status()).isEqualTo(Status.NOT_RUN);
    }

    @Test
    void onlyTheChecksThatReadTheDataInFullArePhasesOfTheirOwn() {
        assertThat(List.of(CheckKind.values())).filteredOn(PhaseThroughputs::readsTheData).containsExactly(
                CheckKind.PG_FULL_READ, CheckKind.CLICKHOUSE_FULL_READ, CheckKind.S3_VERIFY);
    }

    private static StoreResult catalog(String store, Long size, String error) {
        return new StoreResult(store, BackupFormat.PG_DUMPALL_GZ, store + "_{date}", Duration.ofDays(1),
                error == null ? Verdict.PASS : Verdict.ERROR,
                size == null && error == null ? null : new ChosenBackup(store + ".gz", size, "00", null, size),
                null, null, false, null, List.of(), List.of(), List.of(), error);
    }

    private static IntegrityCheck check(String name, String store, CheckKind kind) {
        return new IntegrityCheck(name, store, kind, Severity.CRITICAL, List.of(), IntegrityCheck.DEFAULT_SAMPLE);
    }

    private static CheckOutcome outcome(IntegrityCheck check, Verdict verdict, Map<String, Long> counted) {
        return new CheckOutcome(check.name(), check.store(), check.severity(), verdict, "", "", "", "",
                Duration.ofSeconds(3), counted);
    }

    private Path pgDump() throws IOException {
        Path backups = Files.createDirectories(temp.resolve("backups"));
        Path dump = backups.resolve("pg_" + NOW.atZone(ZoneOffset.UTC).toLocalDate() + ".sql.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dump))) {
            out.write(("--\n-- PostgreSQL database cluster dump\n--\n\n"
                    + "\\connect postgres\n\n--\n-- PostgreSQL database cluster dump complete\n--\n\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return dump;
    }

    /** A one-store drill with a full read, on a small valid pg_dumpall of today (no Docker: nothing restores). */
    private DrillRun drill(Path backups) throws IOException {
        Path scenario = Files.writeString(temp.resolve("rates.yml"), """
                name: rates
                stores: [postgres]
                checks:
                  - name: pg rows
                    store: postgres
                    kind: pg-full-read
                """);
        return DrillRun.prepare(new DrillOptions(scenario, Optional.of(backups.toString()), "reference",
                Optional.of(temp.resolve("reports")), false, temp.resolve("work")), Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
