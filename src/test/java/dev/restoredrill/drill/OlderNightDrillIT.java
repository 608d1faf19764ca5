package dev.restoredrill.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restoredrill.backup.BackupCandidate;
import dev.restoredrill.backup.BackupPick;
import dev.restoredrill.backup.StoreResult;
import dev.restoredrill.evidence.CrossStoreSkew;
import dev.restoredrill.evidence.DrillEvidence;
import dev.restoredrill.evidence.EvidenceJson;
import dev.restoredrill.evidence.PhaseThroughput;
import dev.restoredrill.evidence.SummaryWriter;
import dev.restoredrill.generate.BackupSet;
import dev.restoredrill.generate.DrillSecrets;
import dev.restoredrill.generate.GeneratedBackups;
import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.restore.ParallelRestore;
import dev.restoredrill.testsupport.RequiresDocker;
import dev.restoredrill.verify.CheckOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * {@code -Ddrill.pick=random-within:30d} on a 30-night set restores an older night's set and says so. The set is
 * made cheaply from the newest night of the generated set ({@link GeneratedBackups}): 30 copies of its Postgres dump
 * and MongoDB archive under the names and mtimes (02:00 and 02:40 UTC) of the last 30 nights. The seed is given so
 * the test is reproducible; the drawn night is whatever the seed gives, and must be older than the newest.
 */
@RequiresDocker
class OlderNightDrillIT {
    /** A seed that draws an older night from 30 (checked below, so a changed draw cannot pass unnoticed). */
    private static final String SEED = "20261203";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void randomWithin30dRestoresAnOlderNightsSetAndTheReportSaysWhichAndWhy() throws IOException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Path backups = thirtyNights(GeneratedBackups.small(), temp.resolve("backups"), today);
        Path scenario = Files.writeString(temp.resolve("older-night.yml"), """
                name: older-night
                backups:
                  max_skew: 1d
                stores: [postgres, mongodb]
                checks:
                  - name: gateway spend logs recent
                    store: postgres
                    database: litellm
                    sql: SELECT max("startTime") FROM "LiteLLM_SpendLogs"
                    expect: newest within 400d of the backup date
                  - name: messages recent
                    store: mongodb
                    database: LibreChat
                    collection: messages
                    field: createdAt
                    expect: newest within 400d of the backup date
                  - name: every gateway row readable
                    store: postgres
                    kind: pg-full-read
                    databases: [litellm]
                """);
        System.setProperty(BackupPick.PROPERTY, "random-within:30d");
        System.setProperty(BackupPick.SEED_PROPERTY, SEED);
        DrillRun run;
        try {
            run = DrillRun.prepare(new DrillOptions(scenario, Optional.of(backups.toString()), "reference",
                    Optional.of(temp.resolve("reports")), false, temp.resolve("work")), Clock.systemUTC());
        } finally {
            System.clearProperty(BackupPick.PROPERTY);
            System.clearProperty(BackupPick.SEED_PROPERTY);
        }
        try (run) {
            LocalDate night = run.manifest().pick().night();
            assertThat(night).as(run.manifest().toTable()).isBefore(today).isAfter(today.minusDays(30));
            for (String store : List.of("postgres", "mongodb")) {
                StoreResult result = run.catalog(store);
                assertThat(result.verdict()).as(run.manifest().toTable()).isEqualTo(Verdict.PASS);
                assertThat(result.chosen().fileName()).contains(night.toString());
                assertThat(result.candidates()).filteredOn(c -> c.status() == BackupCandidate.Status.NEWER)
                        .hasSize((int) ChronoUnit.DAYS.between(night, today));
                // the RPO is judged on the newest backup, which exists and is fresh
                assertThat(result.rpoCheck().backupDate()).isEqualTo(today);
                assertThat(result.rpoCheck().met()).isTrue();
            }

            ParallelRestore.Result restores = run.restores().orElseThrow(() -> new AssertionError(
                    "the drill stack did not start: " + run.stackFailure().map(Throwable::getMessage).orElse("")));
            for (String store : List.of("postgres", "mongodb")) {
                assertThat(restores.outcomes().get(store).restored())
                        .as(String.valueOf(restores.outcomes().get(store).failure())).isTrue();
                assertThat(run.completeness(store)).isNotEmpty()
                        .allSatisfy(c -> assertThat(c.verdict()).as(c.message()).isEqualTo(Verdict.PASS));
            }
            CheckOutcome fullRead = run.check(run.plan().checks().get(2));
            assertThat(fullRead.verdict()).as(fullRead.message()).isEqualTo(Verdict.PASS);
            CrossStoreSkew skew = run.skew();
            System.out.println("[older-night] skew by file time " + skew.fileSkew() + ", by newest records "
                    + skew.recordSkew() + ": " + skew.stores());
            assertThat(skew.fileSkew()).isEqualTo(Duration.ofMinutes(40));
            // The generated platform writes spend logs and messages up to its last minutes, each at its own
            // pace: their newest records are hours apart, not days.
            assertThat(skew.recordSkew()).as("both newest records measured").isNotNull()
                    .isLessThan(Duration.ofDays(1));
            assertThat(skew.stores()).allSatisfy(t -> assertThat(t.newestRecord()).isNotNull());

            DrillEvidence evidence = EvidenceAssembler.assemble(run, run.drillId(), Instant.now());
            String summary = SummaryWriter.render(evidence, "2026-Q4");
            assertThat(summary).contains("Pick: random within 30d, seed " + SEED + " (given); replay with"
                    + " -Ddrill.pick=random-within:30d -Ddrill.pick-seed=" + SEED + ": drew " + night
                    + " (an older set, on purpose) among 30 night(s)")
                    .contains("| postgres | pg_" + night + ".sql.gz | the night of " + night)
                    .contains("An older night is restored on purpose.")
                    .contains("Skew between the stores: 40 min 0 s by file time");
            String json = EvidenceJson.write(evidence);
            assertThat(json).contains("\"spec\" : \"random-within:30d\"").contains("\"seed\" : " + SEED)
                    .contains("\"night\" : \"" + night + "\"").contains("\"cross_store_skew\"");
            assertThat(evidence.crossStoreSkew().verdict()).isEqualTo(CrossStoreSkew.WITHIN);
            // issue 16: each store's catalog scan and restore with its bytes, time and a positive MB/s, in both files
            JsonNode throughput = JSON.readTree(json).get("throughput");
            for (String store : List.of("postgres", "mongodb")) {
                long fileBytes = run.catalog(store).chosen().sizeBytes();
                for (String phase : List.of(PhaseThroughput.CATALOG, PhaseThroughput.RESTORE)) {
                    PhaseThroughput measured = evidence.throughput().stream()
                            .filter(t -> t.phase().equals(phase) && t.store().equals(store)).findFirst()
                            .orElseThrow(() -> new AssertionError("no " + phase + " throughput for " + store + ": "
                                    + evidence.throughput()));
                    assertThat(measured.status()).isEqualTo(PhaseThroughput.Status.COMPLETED);
                    assertThat(measured.bytes()).as(phase + " of " + store).isEqualTo(fileBytes);
                    assertThat(measured.mbPerSecond()).as(phase + " of " + store).isPositive();
                    assertThat(summary).contains("| " + phase + " | " + store + " | " + measured.amount() + " | "
                            + measured.time() + " | " + measured.rate() + " |");
                    assertThat(measured.rate()).matches("(< )?[0-9.]+ MB/s");
                    assertThat(throughput).filteredOn(t -> t.path("phase").asText().equals(phase)
                            && t.path("store").asText().equals(store)).singleElement().satisfies(t -> {
                                assertThat(t.path("bytes").asLong()).isEqualTo(fileBytes);
                                assertThat(t.path("seconds").asDouble()).isPositive();
                                assertThat(t.path("mb_per_second").asDouble()).isPositive();
                            });
                }
            }
            // the full read's bytes are what COPY … TO STDOUT wrote, read from the restored store
            PhaseThroughput read = evidence.throughput().stream().filter(t -> t.phase().equals("pg-full-read"))
                    .findFirst().orElseThrow();
            assertThat(read.check()).isEqualTo("every gateway row readable");
            assertThat(read.bytes()).isEqualTo(fullRead.counted().get("bytes read")).isPositive();
            assertThat(read.mbPerSecond()).isPositive();
            assertThat(summary).contains("| pg-full-read: every gateway row readable | postgres | " + read.amount());
            System.out.println("[older-night] throughput: " + evidence.throughput().stream()
                    .map(PhaseThroughput::describe).toList());
            assertThat(evidence.failures()).as(summary).isEmpty();
        }
    }

    /** 30 nights ending today, each a copy of the generated set's newest Postgres dump and MongoDB archive. */
    private static Path thirtyNights(BackupSet set, Path dir, LocalDate today) throws IOException {
        Files.createDirectories(dir);
        Files.copy(set.credentialsFile(), dir.resolve(DrillSecrets.FILE_NAME));
        Path pg = set.newest("postgres").orElseThrow().path();
        Path mongo = set.newest("mongodb").orElseThrow().path();
        for (int back = 0; back < 30; back++) {
            LocalDate day = today.minusDays(back);
            copy(pg, dir.resolve("pg_" + day + ".sql.gz"), day, "T02:00:00Z");
            copy(mongo, dir.resolve("mongo_" + day + ".gz"), day, "T02:40:00Z");
        }
        return dir;
    }

    private static void copy(Path from, Path to, LocalDate day, String time) throws IOException {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(to, FileTime.from(Instant.parse(day + time)));
    }
}
