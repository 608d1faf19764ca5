package dev.restoredrill.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendChartTest {

    @Test
    void oneLinePerStoreAndAPointPerDrillInBothCharts() {
        List<TrendPoint> trend = List.of(
                TrendPoint.of("2026-Q3", SampleEvidence.failed(false, Instant.parse("2026-08-24T10:00:00Z"))),
                TrendPoint.of("2026-Q4", SampleEvidence.failed(false, Instant.parse("2026-11-24T10:00:00Z"))));

        String svg = TrendChart.svg(trend);

        assertThat(svg).contains("RPO achieved (backup age), h", "RTO measured (restore time), min", ">2026-Q3<",
                ">2026-Q4<", ">postgres<", ">mongodb<", ">minio<");
        // RPO: postgres and mongodb have ages (minio's backup has none); RTO: postgres and mongodb restored.
        assertThat(svg.split("<polyline", -1)).hasSize(1 + 2 + 2);
        assertThat(svg).doesNotContain("<script");
    }

    @Test
    void theTrendPointTakesBackupAgesAndRestoreTimesFromTheEvidence() {
        TrendPoint point = TrendPoint.of("2026-Q4", SampleEvidence.failed(false, Instant.parse("2026-11-24T10:00:00Z")));

        assertThat(point.stores()).containsExactly(
                new TrendPoint.StorePoint("postgres", java.time.Duration.ofHours(30), java.time.Duration.ofSeconds(95)),
                new TrendPoint.StorePoint("mongodb", java.time.Duration.ofMinutes(330), java.time.Duration.ofMillis(41_500)),
                new TrendPoint.StorePoint("minio", null, null));
        assertThat(point.totalRto()).isEqualTo(java.time.Duration.ofSeconds(252));
    }
}
