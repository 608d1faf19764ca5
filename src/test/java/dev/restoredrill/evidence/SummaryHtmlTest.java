package dev.restoredrill.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryHtmlTest {

    @Test
    void eachHeadingIsFollowedByItsOwnClosedTableAndCellsAreEscaped() {
        DrillEvidence e = SampleEvidence.failed(false, Instant.parse("2026-11-24T10:00:00Z"));
        List<TrendPoint> trend = List.of(TrendPoint.of("2026-Q4", e));

        String html = SummaryHtml.render(SummaryWriter.render(e, "2026-Q4", trend), "Restore drill 2026-Q4", trend);

        assertThat(html).contains("<h2>RPO and RTO per store</h2>\n<table>\n<tr><th>Store</th><th>Backup</th>",
                "<td class=\"word\">pg_2026-11-23.sql.gz</td>", "<td>recent | conversations</td>",
                "<p><b>Verdict: FAIL</b></p>", "<h2>Trend: RPO achieved and RTO measured per store</h2>\n<svg");
        assertThat(html.split("<table>", -1).length).isEqualTo(html.split("</table>", -1).length);
        assertThat(html.indexOf("<h2>Checks</h2>")).isLessThan(html.indexOf("<th>Check</th>"));
        assertThat(html).doesNotContain("<script");
    }
}
