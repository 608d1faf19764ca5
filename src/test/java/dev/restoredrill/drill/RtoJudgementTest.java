package dev.restoredrill.drill;

import dev.restoredrill.outcome.Failure;

import dev.restoredrill.outcome.Verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restoredrill.evidence.DrillEvidence;
import dev.restoredrill.evidence.RtoOutcome;
import dev.restoredrill.restore.ParallelRestore;
import dev.restoredrill.restore.RestoreOutcome;
import dev.restoredrill.scenario.DrillPlan;
import dev.restoredrill.scenario.ScenarioLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario's RTO targets against restore times. The times are of the size a reference drill on a 20 MB demo set
 * takes; the restores themselves run in DrillRestoreIT and the drill.
 */
class RtoJudgementTest {
    private static final Map<String, RestoreOutcome> RESTORED = outcomes(Duration.ofSeconds(48),
            Duration.ofSeconds(71), Duration.ofSeconds(22), Duration.ofSeconds(19));
    private static final ParallelRestore.Result RESULT = new ParallelRestore.Result(RESTORED, Duration.ofSeconds(95));

    @Test
    void theQuarterlyDefaultsPass() {
        DrillPlan plan = new ScenarioLoader(Map.of()).read(Path.of("drill-scenarios/quarterly.yml"));

        List<RtoOutcome> judged = RtoJudgement.judge(plan, Optional.of(RESULT));

        assertThat(judged).extracting(RtoOutcome::subject).containsExactly("postgres", "mongodb", "clickhouse",
                "minio", "all stores");
        assertThat(judged).extracting(RtoOutcome::verdict).containsOnly("MET");
        assertThat(evidence().withRto(judged).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aTightRtoFailsTheDrillWithRtoMissedAndTheNumbers(@TempDir Path dir) throws Exception {
        Path tight = Files.writeString(dir.resolve("tight.yml"), """
                name: tight
                rto: 90s
                stores:
                  - name: postgres
                    rto: 1h
                  - name: mongodb
                    rto: 1m
                  - clickhouse
                  - minio
                """);
        DrillPlan plan = new ScenarioLoader(Map.of()).read(tight);

        List<RtoOutcome> judged = RtoJudgement.judge(plan, Optional.of(RESULT));
        DrillEvidence evidence = evidence().withRto(judged);

        assertThat(judged).extracting(RtoOutcome::verdict).containsExactly("MET", "MISSED", "NO TARGET", "NO TARGET",
                "MISSED");
        assertThat(evidence.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(evidence.failures()).extracting(Failure::message).containsExactly("RTO missed: mongodb took 1 min 11 s, target 1 min 0 s",
                "RTO missed: all stores took 1 min 35 s, target 1 min 30 s");
    }

    @Test
    void aStoreThatDidNotRestoreHasNoRtoToMiss(@TempDir Path dir) throws Exception {
        DrillPlan plan = new ScenarioLoader(Map.of()).read(Files.writeString(dir.resolve("one.yml"), """
                name: one
                rto: 1s
                stores:
                  - name: postgres
                    rto: 1s
                """));
        Map<String, RestoreOutcome> failed = Map.of("postgres", RestoreOutcome.failed("postgres",
                Duration.ofMinutes(3), Failure.of("Restore failed: postgres: psql exited 3"), ""));

        List<RtoOutcome> judged = RtoJudgement.judge(plan, Optional.of(new ParallelRestore.Result(failed,
                Duration.ofMinutes(3))));

        assertThat(judged).extracting(RtoOutcome::verdict).containsExactly("NOT MEASURED", "NOT MEASURED");
        assertThat(RtoJudgement.judge(plan, Optional.empty())).extracting(RtoOutcome::verdict)
                .containsExactly("NOT MEASURED", "NOT MEASURED");
    }

    private static DrillEvidence evidence() {
        return new DrillEvidence("drill-1", "quarterly", "Quarterly restore drill", false, "ops", "host", Instant.parse("2026-11-24T10:00:00Z"),
                null, Verdict.PASS, null, null, Duration.ofSeconds(95), null, null, null);
    }

    private static Map<String, RestoreOutcome> outcomes(Duration pg, Duration mongo, Duration ch, Duration minio) {
        Map<String, RestoreOutcome> outcomes = new LinkedHashMap<>();
        outcomes.put("postgres", RestoreOutcome.restored("postgres", pg, pg, List.of(), ""));
        outcomes.put("mongodb", RestoreOutcome.restored("mongodb", mongo, mongo, List.of(), ""));
        outcomes.put("clickhouse", RestoreOutcome.restored("clickhouse", ch, ch, List.of(), ""));
        outcomes.put("minio", RestoreOutcome.restored("minio", minio, minio, List.of(), ""));
        return outcomes;
    }
}
