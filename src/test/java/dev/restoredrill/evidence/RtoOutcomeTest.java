package dev.restoredrill.evidence;

import dev.restoredrill.outcome.FailureCategory;

import dev.restoredrill.outcome.Failure;

import dev.restoredrill.outcome.Verdict;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RtoOutcomeTest {

    @Test
    void aRestoreLongerThanItsTargetIsMissedWithBothNumbers() {
        RtoOutcome rto = RtoOutcome.judge("postgres", Duration.ofMinutes(1), Duration.ofSeconds(95));

        assertThat(rto.verdict()).isEqualTo("MISSED");
        assertThat(rto.failure()).map(Failure::message)
                .contains("RTO missed: postgres took 1 min 35 s, target 1 min 0 s");
        assertThat(rto.failure()).map(Failure::category).contains(FailureCategory.RTO_MISSED);
        assertThat(FailureCategory.matching(rto.failure().orElseThrow().message())).containsExactly(
                FailureCategory.RTO_MISSED);
    }

    @Test
    void withinOrExactlyAtTheTargetIsMet() {
        assertThat(RtoOutcome.judge("mongodb", Duration.ofHours(1), Duration.ofMinutes(59)).verdict()).isEqualTo("MET");
        assertThat(RtoOutcome.judge("mongodb", Duration.ofHours(1), Duration.ofHours(1)).failure()).isEmpty();
    }

    @Test
    void noTargetOrNoMeasurementIsNeverAMiss() {
        assertThat(RtoOutcome.judge("minio", null, Duration.ofHours(9)).verdict()).isEqualTo("NO TARGET");
        assertThat(RtoOutcome.judge("minio", Duration.ofSeconds(1), null).verdict()).isEqualTo("NOT MEASURED");
        assertThat(RtoOutcome.judge("minio", Duration.ofSeconds(1), null).failure()).isEmpty();
    }

    @Test
    void aMissedRtoFailsADrillThatOtherwisePassedAndIsListedAsAFailure() {
        DrillEvidence passed = new DrillEvidence("d", "quarterly", "Quarterly", false, "ops", "h",
                java.time.Instant.parse("2026-11-24T10:00:00Z"), null, Verdict.PASS, null, null, null, null, null,
                null);

        DrillEvidence judged = passed.withRto(java.util.List.of(
                RtoOutcome.judge("postgres", Duration.ofHours(1), Duration.ofMinutes(10)),
                RtoOutcome.judge(RtoOutcome.WHOLE_DRILL, Duration.ofMinutes(5), Duration.ofMinutes(12))));

        assertThat(judged.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(judged.failures()).extracting(Failure::message).containsExactly("RTO missed: all stores took 12 min 0 s, target 5 min 0 s");
        assertThat(passed.withRto(java.util.List.of(RtoOutcome.judge("postgres", Duration.ofHours(1),
                Duration.ofMinutes(10)))).verdict()).isEqualTo(Verdict.PASS);
    }
}
