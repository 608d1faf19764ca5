package dev.restoredrill.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * evidence.pdf looked at as an auditor would: its text (pdftotext) and its first page as a picture (pdftoppm, from
 * poppler-utils; scripts/install-chromium.sh installs it). Real Allure, real Chromium, real poppler; no Docker.
 * The page is kept as target/evidence-pdf-page1.png to look at.
 */
class EvidencePdfIT {
    private static final Logger LOG = LoggerFactory.getLogger(EvidencePdfIT.class);

    @TempDir
    Path work;

    @Test
    void thePdfShowsTheVerdictTheStoreTableAndTheTrend() throws Exception {
        Path reports = work.resolve("reports");
        Instant q3 = Instant.parse("2026-08-24T10:00:00Z");
        Instant q4 = Instant.parse("2026-11-24T10:00:00Z");
        writer().write(reports, SampleEvidence.failed(false, q3), AllureResultsFixture.write(work.resolve("r1"),
                q3.toEpochMilli()));
        DrillEvidence evidence = SampleEvidence.failed(false, q4).withRto(java.util.List.of(
                RtoOutcome.judge("postgres", java.time.Duration.ofHours(1), java.time.Duration.ofSeconds(95)),
                RtoOutcome.judge("mongodb", java.time.Duration.ofSeconds(30), java.time.Duration.ofMillis(41_500))));
        long started = System.nanoTime();
        Path folder = writer().write(reports, evidence, AllureResultsFixture.write(work.resolve("r2"),
                q4.toEpochMilli()));
        LOG.info("report with PDF written in {} ms", (System.nanoTime() - started) / 1_000_000);
        Path pdf = folder.resolve("evidence.pdf");

        assertThat(Files.readAllBytes(pdf)).startsWith('%', 'P', 'D', 'F');
        SealedFolder.Result text = SealedFolder.run(folder, "pdftotext", "-layout", "evidence.pdf", "-");
        assertThat(text.exit()).as(text.output()).isZero();
        assertThat(text.output()).contains("Restore drill 2026-Q4 — quarterly", "Verdict: FAIL",
                "RPO and RTO per store", "pg_2026-11-23.sql.gz", "mongo_2026-11-24.gz", "RTO: target, measured, verdict",
                "MISSED", "RTO missed: mongodb took 41.5 s, target 30.0 s", "Trend: RPO achieved and RTO measured",
                "2026-Q3");
        assertThat(text.output()).containsPattern("postgres\\s+pg_2026-11-23\\.sql\\.gz\\s+2026-11-23\\s+1\\s*d\\s*6\\s*h")
                .containsPattern("mongodb\\s+mongo_2026-11-24\\.gz\\s+2026-11-24");

        SealedFolder.Result rendered = SealedFolder.run(folder, "pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1",
                "-singlefile", "evidence.pdf", work.resolve("page1").toString());
        assertThat(rendered.exit()).as(rendered.output()).isZero();
        Path png = Files.copy(work.resolve("page1.png"), Path.of("target/evidence-pdf-page1.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        BufferedImage page = ImageIO.read(png.toFile());
        assertThat(page.getWidth()).isGreaterThan(500);
        assertThat(page.getWidth()).isGreaterThan(page.getHeight()); // a landscape page: the tables are wide
        assertThat(inkShare(page)).as("share of the page that is not white").isBetween(0.01, 0.6);
        assertThat(hasRed(page)).as("the MISSED/red demo-free page still has the chart's coloured lines").isTrue();
    }

    /** Pixels darker than near-white, over all pixels. */
    private static double inkShare(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                if (r + g + b < 600) {
                    ink++;
                }
            }
        }
        return ink / (double) (image.getWidth() * (long) image.getHeight());
    }

    private static boolean hasRed(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                if (r > 150 && g < 90 && b < 90) {
                    return true;
                }
            }
        }
        return false;
    }

    private ReportWriter writer() {
        return new ReportWriter(new SecretMasker(), AllureCli.locate(),
                RunEnvironment.probe(Map.of("restore-drill/postgres:15", "sha256:0123abcd")));
    }
}
