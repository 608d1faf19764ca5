package dev.restoredrill.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restoredrill.backup.BackupFormat;
import dev.restoredrill.backup.BackupManifest;
import dev.restoredrill.backup.ChosenBackup;
import dev.restoredrill.backup.PickedBackup;
import dev.restoredrill.backup.StoreResult;
import dev.restoredrill.evidence.CrossStoreSkew;
import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.scenario.DrillPlan;
import dev.restoredrill.scenario.ScenarioLoader;
import dev.restoredrill.scenario.Severity;
import dev.restoredrill.verify.CheckOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stores' times the skew is judged on: the restored backups' file times and the checks' newest records. */
class SkewMeasurementTest {

    @TempDir
    Path dir;

    @Test
    void fileTimesComeFromThePickedBackupsAndNewestRecordsFromTheNewestWithinChecks() throws IOException {
        DrillPlan plan = new ScenarioLoader(Map.of()).read(Files.writeString(dir.resolve("skew.yml"), """
                name: skew
                backups:
                  max_skew: 1h
                stores: [postgres, mongodb, clickhouse]
                checks:
                  - name: spend logs recent
                    store: postgres
                    database: litellm
                    sql: SELECT max("startTime") FROM "LiteLLM_SpendLogs"
                    expect: newest within 26h of the backup date
                  - name: keys
                    store: postgres
                    database: litellm
                    sql: SELECT count(*) FROM "LiteLLM_VerificationToken"
                    expect: ">= 1"
                  - name: messages recent
                    store: mongodb
                    database: LibreChat
                    collection: messages
                    field: createdAt
                    expect: newest within 26h of the backup date
                """));
        BackupManifest manifest = new BackupManifest(Instant.parse("2026-05-26T09:00:00Z"), "/backups", "rule",
                "rule", Verdict.PASS, List.of(
                        picked("postgres", "pg_2026-05-12.sql.gz", "2026-05-12T02:00:00Z"),
                        picked("mongodb", "mongo_2026-05-12.gz", "2026-05-12T02:40:00Z"),
                        picked("clickhouse", "clickhouse_2026-05-12.tar.gz", "2026-05-12T03:30:00Z")));
        Map<String, CheckOutcome> checks = Map.of(
                "spend logs recent", outcome("spend logs recent", "postgres", "2026-05-12T01:58:00Z"),
                "keys", outcome("keys", "postgres", "3"),
                "messages recent", outcome("messages recent", "mongodb", "2026-05-12T02:39:00Z"));

        CrossStoreSkew skew = SkewMeasurement.measure(plan, Optional.of(manifest), checks);

        assertThat(skew.stores()).extracting(CrossStoreSkew.StoreTimes::store, CrossStoreSkew.StoreTimes::fileTime,
                CrossStoreSkew.StoreTimes::newestRecord, CrossStoreSkew.StoreTimes::newestRecordBy).containsExactly(
                org.assertj.core.groups.Tuple.tuple("postgres", Instant.parse("2026-05-12T02:00:00Z"),
                        Instant.parse("2026-05-12T01:58:00Z"), "spend logs recent"),
                org.assertj.core.groups.Tuple.tuple("mongodb", Instant.parse("2026-05-12T02:40:00Z"),
                        Instant.parse("2026-05-12T02:39:00Z"), "messages recent"),
                org.assertj.core.groups.Tuple.tuple("clickhouse", Instant.parse("2026-05-12T03:30:00Z"), null, null));
        assertThat(skew.fileSkew()).isEqualTo(Duration.ofMinutes(90));
        assertThat(skew.recordSkew()).isEqualTo(Duration.ofMinutes(41));
        assertThat(skew.limit()).isEqualTo(Duration.ofHours(1));
        assertThat(skew.verdict()).isEqualTo(CrossStoreSkew.OVER);

        CrossStoreSkew beforeTheChecks = SkewMeasurement.measure(plan, Optional.of(manifest), Map.of());
        assertThat(beforeTheChecks.recordSkew()).isNull();
        assertThat(SkewMeasurement.measure(plan, Optional.empty(), Map.of()).verdict())
                .isEqualTo(CrossStoreSkew.NOT_MEASURED);
    }

    private static StoreResult picked(String store, String file, String taken) {
        Instant instant = Instant.parse(taken);
        LocalDate date = LocalDate.ofInstant(instant, java.time.ZoneOffset.UTC);
        return new StoreResult(store, BackupFormat.PG_DUMPALL_GZ, store + "_{date}", Duration.ofDays(7), Verdict.PASS,
                new ChosenBackup(file, 1L, "00", null, 1L), null, null, false, null, List.of(), List.of(), List.of(),
                null, new PickedBackup("the night of " + date, date, instant, "mtime",
                        Duration.between(instant, Instant.parse("2026-05-26T09:00:00Z")), false, 14));
    }

    private static CheckOutcome outcome(String name, String store, String actual) {
        return new CheckOutcome(name, store, Severity.NORMAL, Verdict.PASS, "", actual, "", "", Duration.ZERO);
    }
}
