package dev.restoredrill.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restoredrill.outcome.Failure;
import dev.restoredrill.outcome.FailureCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossStoreSkewTest {

    private static CrossStoreSkew.StoreTimes times(String store, String file, String record) {
        return new CrossStoreSkew.StoreTimes(store, store + ".gz", file == null ? null : Instant.parse(file), "mtime",
                record == null ? null : Instant.parse(record), record == null ? null : "newest " + store);
    }

    private static final List<CrossStoreSkew.StoreTimes> NIGHT = List.of(
            times("postgres", "2026-05-12T02:00:00Z", "2026-05-12T01:59:00Z"),
            times("mongodb", "2026-05-12T02:40:00Z", "2026-05-12T02:39:30Z"),
            times("clickhouse", "2026-05-12T03:30:00Z", null),
            times("minio", "2026-05-12T04:00:00Z", null));

    @Test
    void skewIsTheNewestMinusTheOldestOfEachMeasure() {
        CrossStoreSkew skew = CrossStoreSkew.judge(NIGHT, Duration.ofHours(3));

        assertThat(skew.fileSkew()).isEqualTo(Duration.ofHours(2));
        assertThat(skew.recordSkew()).isEqualTo(Duration.ofSeconds(40 * 60 + 30));
        assertThat(skew.verdict()).isEqualTo(CrossStoreSkew.WITHIN);
        assertThat(skew.failure()).isEmpty();
    }

    @Test
    void aSkewEqualToTheLimitIsWithinItAndOneSecondMoreIsOver() {
        assertThat(CrossStoreSkew.judge(NIGHT, Duration.ofHours(2)).verdict()).isEqualTo(CrossStoreSkew.WITHIN);
        assertThat(CrossStoreSkew.judge(NIGHT, Duration.ofHours(2).minusSeconds(1)).verdict())
                .isEqualTo(CrossStoreSkew.OVER);
    }

    @Test
    void overTheLimitIsABackupSkewFailureNamingTheStoresAndTheirTimes() {
        Failure failure = CrossStoreSkew.judge(NIGHT, Duration.ofMinutes(30)).failure().orElseThrow();

        assertThat(failure.category()).isEqualTo(FailureCategory.BACKUP_SKEW);
        assertThat(FailureCategory.matching(failure.message())).containsExactly(FailureCategory.BACKUP_SKEW);
        assertThat(failure.message()).startsWith("Backup skew: the stores' backups are 2 h 0 min apart by file time"
                + " (oldest postgres 2026-05-12T02:00:00Z, newest minio 2026-05-12T04:00:00Z) and 40 min 30 s apart by"
                + " their newest records (oldest postgres 2026-05-12T01:59:00Z, newest mongodb"
                + " 2026-05-12T02:39:30Z), more than the scenario's max_skew of 30 min 0 s");
    }

    @Test
    void withoutALimitTheSkewIsShownNotJudgedAndWithoutTwoTimesItIsNotMeasured() {
        assertThat(CrossStoreSkew.judge(NIGHT, null).verdict()).isEqualTo(CrossStoreSkew.NO_LIMIT);
        assertThat(CrossStoreSkew.judge(NIGHT, null).failure()).isEmpty();
        CrossStoreSkew one = CrossStoreSkew.judge(List.of(times("postgres", "2026-05-12T02:00:00Z", null),
                times("mongodb", null, null)), Duration.ofMinutes(1));
        assertThat(one.verdict()).isEqualTo(CrossStoreSkew.NOT_MEASURED);
        assertThat(one.fileSkew()).isNull();
        assertThat(one.failure()).isEmpty();
    }

    @Test
    void aSkewFailureFailsADrillThatPassedAndShowsInTheSummary() {
        DrillEvidence passed = new DrillEvidence("d1", "smoke", "Smoke drill", false, "ops", "host",
                Instant.parse("2026-05-26T09:00:00Z"), Instant.parse("2026-05-26T09:20:00Z"),
                dev.restoredrill.outcome.Verdict.PASS, null, null, Duration.ofMinutes(5), null, null, null);
        DrillEvidence judged = passed.withSkew(CrossStoreSkew.judge(NIGHT, Duration.ofMinutes(30)));

        assertThat(judged.verdict()).isEqualTo(dev.restoredrill.outcome.Verdict.FAIL);
        assertThat(judged.failures()).last().extracting(Failure::category).isEqualTo(FailureCategory.BACKUP_SKEW);
        String md = SummaryWriter.render(judged, "2026-Q2");
        assertThat(md).contains("## Backups restored, why, and how far apart")
                .contains("| clickhouse | ")
                .contains("Skew between the stores: 2 h 0 min by file time, 40 min 30 s by newest records;"
                        + " max_skew 30 min 0 s: **OVER**.")
                .contains("2026-05-12T02:39:30Z (newest mongodb)");
        assertThat(EvidenceJson.read(EvidenceJson.write(judged)).crossStoreSkew()).isEqualTo(judged.crossStoreSkew());
    }
}
