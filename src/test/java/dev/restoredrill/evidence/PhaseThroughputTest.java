package dev.restoredrill.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A phase's rate and how it reads: MB = 10^6 bytes; no rate for a failed, skipped or untimed phase. */
class PhaseThroughputTest {

    @Test
    void aCompletedPhaseHasItsBytesOverItsSecondsInDecimalMegabytes() {
        PhaseThroughput restore = PhaseThroughput.completed(PhaseThroughput.RESTORE, "postgres", 812_300_000L,
                Duration.ofMillis(40_100));

        assertThat(restore.mbPerSecond()).isCloseTo(812.3 / 40.1, within(1e-9));
        assertThat(restore.seconds()).isEqualTo(40.1);
        assertThat(restore.rowsPerSecond()).isNull();
        assertThat(restore.amount()).isEqualTo("812.3 MB");
        assertThat(restore.time()).isEqualTo("40.1 s");
        assertThat(restore.rate()).isEqualTo("20.3 MB/s");
        assertThat(restore.describe()).isEqualTo("restore of postgres: 812.3 MB in 40.1 s (20.3 MB/s)");
    }

    @Test
    void aPhaseOfNoMeasurableTimeHasNoRateAndDividesByNothing() {
        PhaseThroughput instant = PhaseThroughput.completed(PhaseThroughput.CATALOG, "minio", 1_000_000L,
                Duration.ZERO);

        assertThat(instant.mbPerSecond()).isNull();
        assertThat(instant.rate()).isEqualTo("too fast to time");
        assertThat(instant.describe()).isEqualTo("catalog of minio: 1.00 MB in 0 ms (too fast to time)");
        assertThat(PhaseThroughput.completed(PhaseThroughput.CATALOG, "minio", 0L, Duration.ZERO).mbPerSecond())
                .isNull();
    }

    @Test
    void zeroBytesInMeasurableTimeIsATrueZeroRate() {
        PhaseThroughput empty = PhaseThroughput.completed("pg-full-read", "postgres", 0L, Duration.ofSeconds(2));

        assertThat(empty.mbPerSecond()).isZero();
        assertThat(empty.amount()).isEqualTo("0 B");
        assertThat(empty.rate()).isEqualTo("0.0 MB/s");
    }

    @Test
    void aFailedPhaseShowsWhatItTookButNoRateNeitherZeroNorNaN() {
        PhaseThroughput failed = PhaseThroughput.failed(PhaseThroughput.RESTORE, "mongodb", null,
                Duration.ofSeconds(12));

        assertThat(failed.mbPerSecond()).isNull();
        assertThat(failed.rowsPerSecond()).isNull();
        assertThat(failed.seconds()).isEqualTo(12.0);
        assertThat(failed.rate()).isEqualTo("failed");
        assertThat(failed.describe()).isEqualTo("restore of mongodb: failed after 12.0 s, no rate");
        // even with its bytes known, a failed phase's rate is not shown
        assertThat(PhaseThroughput.failed(PhaseThroughput.RESTORE, "mongodb", 5_000_000L, Duration.ofSeconds(1))
                .mbPerSecond()).isNull();
    }

    @Test
    void aPhaseThatDidNotRunHasNothingButItsName() {
        PhaseThroughput skipped = PhaseThroughput.notRun(PhaseThroughput.RESTORE, "clickhouse");

        assertThat(skipped.seconds()).isNull();
        assertThat(skipped.mbPerSecond()).isNull();
        assertThat(skipped.amount()).isEqualTo("—");
        assertThat(skipped.time()).isEqualTo("—");
        assertThat(skipped.rate()).isEqualTo("not run");
        assertThat(skipped.describe()).isEqualTo("restore of clickhouse: not run");
    }

    @Test
    void aPhaseThatCountsRowsNotBytesGivesRowsPerSecondAndInventsNoBytes() {
        PhaseThroughput read = new PhaseThroughput("clickhouse-full-read", "clickhouse", "traces readable",
                PhaseThroughput.Status.COMPLETED, null, 1_204_000L, Duration.ofSeconds(2));

        assertThat(read.mbPerSecond()).isNull();
        assertThat(read.rowsPerSecond()).isEqualTo(602_000.0);
        assertThat(read.amount()).isEqualTo("1,204,000 rows");
        assertThat(read.rate()).isEqualTo("602,000 rows/s");
        assertThat(read.describe()).isEqualTo(
                "clickhouse-full-read 'traces readable' of clickhouse: 1,204,000 rows in 2.0 s (602,000 rows/s)");
    }

    @Test
    void aSlowRateStillShowsAsANumber() {
        // a small backup's restore is mostly the stack's start
        assertThat(PhaseThroughput.completed("restore", "postgres", 1_200_000L, Duration.ofSeconds(60)).rate())
                .isEqualTo("0.02 MB/s");
        assertThat(PhaseThroughput.completed("restore", "postgres", 5_000_000L, Duration.ofSeconds(2)).rate())
                .isEqualTo("2.50 MB/s");
        assertThat(PhaseThroughput.completed("restore", "postgres", 10_000L, Duration.ofSeconds(60)).rate())
                .isEqualTo("< 0.01 MB/s");
    }

    @Test
    void aPhaseUnderASecondShowsItsMilliseconds() {
        PhaseThroughput quick = PhaseThroughput.completed(PhaseThroughput.CATALOG, "postgres", 225_300L,
                Duration.ofMillis(47));

        assertThat(quick.time()).isEqualTo("47 ms");
        assertThat(quick.rate()).isEqualTo("4.79 MB/s");
    }

    @Test
    void sizesUseDecimalUnits() {
        assertThat(PhaseThroughput.size(532)).isEqualTo("532 B");
        assertThat(PhaseThroughput.size(12_345)).isEqualTo("12.3 kB");
        assertThat(PhaseThroughput.size(5_120_000_000L)).isEqualTo("5.12 GB");
    }
}
