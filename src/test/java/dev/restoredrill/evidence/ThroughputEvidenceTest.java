package dev.restoredrill.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each data-moving phase's bytes, time and MB/s in summary.md, summary.html and evidence.json (issue 16). */
class ThroughputEvidenceTest {
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    private static final List<PhaseThroughput> PHASES = List.of(
            PhaseThroughput.completed(PhaseThroughput.CATALOG, "postgres", 812_300_000L, Duration.ofMillis(12_500)),
            PhaseThroughput.completed(PhaseThroughput.RESTORE, "postgres", 812_300_000L, Duration.ofMillis(40_100)),
            PhaseThroughput.failed(PhaseThroughput.RESTORE, "mongodb", null, Duration.ofMillis(41_500)),
            PhaseThroughput.notRun(PhaseThroughput.RESTORE, "minio"),
            new PhaseThroughput("pg-full-read", "postgres", "pg rows", PhaseThroughput.Status.COMPLETED,
                    1_500_000_000L, 12_000_000L, Duration.ofSeconds(30)),
            new PhaseThroughput("clickhouse-full-read", "clickhouse", "traces | readable",
                    PhaseThroughput.Status.COMPLETED, null, 1_204_000L, Duration.ofSeconds(2)));
    private final DrillEvidence evidence = SampleEvidence.failed(false, START).withThroughput(PHASES);

    @Test
    void summaryMdTablesEveryPhaseWithItsBytesTimeAndRate() {
        String md = SummaryWriter.render(evidence, "2026-Q4");

        assertThat(md).contains("## Throughput\n\nMB = 10^6 bytes.",
                "| Phase | Store | Bytes | Time | Rate |\n|---|---|---|---|---|\n"
                        + "| catalog | postgres | 812.3 MB | 12.5 s | 65.0 MB/s |\n"
                        + "| restore | postgres | 812.3 MB | 40.1 s | 20.3 MB/s |\n"
                        + "| restore | mongodb | — | 41.5 s | **failed** |\n"
                        + "| restore | minio | — | — | not run |\n"
                        + "| pg-full-read: pg rows | postgres | 1.50 GB | 30.0 s | 50.0 MB/s |\n"
                        + "| clickhouse-full-read: traces \\| readable | clickhouse | 1,204,000 rows | 2.0 s"
                        + " | 602,000 rows/s |\n");
        assertThat(md.indexOf("## Throughput")).as("after the RTO, before the checks")
                .isLessThan(md.indexOf("## Checks"));
        assertThat(md).doesNotContain("NaN", "Infinity");
    }

    @Test
    void aDrillWithoutThroughputHasNoSuchSection() {
        assertThat(SummaryWriter.render(SampleEvidence.failed(false, START), "2026-Q4")).doesNotContain("Throughput");
    }

    @Test
    void summaryHtmlDrawsTheSameTable() {
        String html = SummaryHtml.render(SummaryWriter.render(evidence, "2026-Q4"), "t", List.of());

        assertThat(html).contains("<h2>Throughput</h2>",
                "<tr><th>Phase</th><th>Store</th><th>Bytes</th><th>Time</th><th>Rate</th></tr>",
                "<td class=\"word\">restore</td><td class=\"word\">postgres</td><td>812.3 MB</td><td>40.1 s</td>"
                        + "<td>20.3 MB/s</td>",
                "<b>failed</b>");
    }

    @Test
    void evidenceJsonListsEachPhaseWithSecondsAndMbPerSecond() throws Exception {
        JsonNode json = new ObjectMapper().readTree(EvidenceJson.write(evidence));

        JsonNode restore = json.at("/throughput/1");
        assertThat(restore.fieldNames()).toIterable().containsExactly("phase", "store", "check", "status", "bytes",
                "rows", "elapsed", "seconds", "mb_per_second", "rows_per_second");
        assertThat(restore.get("phase").asText()).isEqualTo("restore");
        assertThat(restore.get("store").asText()).isEqualTo("postgres");
        assertThat(restore.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(restore.get("bytes").asLong()).isEqualTo(812_300_000L);
        assertThat(restore.get("elapsed").asText()).isEqualTo("PT40.1S");
        assertThat(restore.get("seconds").asDouble()).isEqualTo(40.1);
        assertThat(restore.get("mb_per_second").asDouble()).isCloseTo(20.257, within(0.001));
        assertThat(restore.get("rows_per_second").isNull()).isTrue();

        JsonNode failed = json.at("/throughput/2");
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("seconds").asDouble()).isEqualTo(41.5);
        assertThat(failed.get("mb_per_second").isNull()).as("no rate for a failed restore, not 0").isTrue();
        JsonNode notRun = json.at("/throughput/3");
        assertThat(notRun.get("status").asText()).isEqualTo("NOT_RUN");
        assertThat(notRun.get("seconds").isNull()).isTrue();
        assertThat(notRun.get("mb_per_second").isNull()).isTrue();
        JsonNode rows = json.at("/throughput/5");
        assertThat(rows.get("check").asText()).isEqualTo("traces | readable");
        assertThat(rows.get("bytes").isNull()).isTrue();
        assertThat(rows.get("rows_per_second").asDouble()).isEqualTo(602_000.0);
    }

    @Test
    void evidenceJsonReadsBackWhatItWroteAndAnEarlierDrillsWithoutThroughput() throws Exception {
        assertThat(EvidenceJson.read(EvidenceJson.write(evidence))).isEqualTo(evidence);

        ObjectNode earlier = (ObjectNode) new ObjectMapper().readTree(EvidenceJson.write(evidence));
        earlier.remove("throughput");
        assertThat(EvidenceJson.read(earlier.toString()).throughput()).isEmpty();
    }

    @Test
    void theOtherAdditionsKeepTheThroughput() {
        DrillEvidence later = evidence.withAudit(false, "ops", null, "5f2c0a", "89bbfb7")
                .withRto(List.of()).withPlatform(null).withIsolation(null)
                .withCorrectiveActions(List.of(), List.of());

        assertThat(later.throughput()).isEqualTo(PHASES);
    }
}
