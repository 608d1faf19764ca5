package dev.restoredrill.evidence;

import dev.restoredrill.outcome.SecretMasker;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * evidence.pdf looked at as an auditor would: its text (pdftotext) and its first page as a picture (pdftoppm, from
 * poppler-utils; scripts/install-chromium.sh installs it). Real Allure, real Chromium, real poppler; no Docker.
 * The pages are kept as target/evidence-pdf-page-N.png to look at.
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
        assertThat(text.output()).contains("Quarterly restore drill 2026-Q4 — quarterly", "Verdict: FAIL",
                "RPO and RTO per store", "pg_2026-11-23.sql.gz", "mongo_2026-11-24.gz", "RTO: target, measured, verdict",
                "MISSED", "RTO missed: mongodb took 41.5 s, target 30.0 s", "Trend: RPO achieved and RTO measured",
                "2026-Q3");
        assertThat(text.output()).containsPattern("postgres\\s+pg_2026-11-23\\.sql\\.gz\\s+2026-11-23\\s+1\\s*d\\s*6\\s*h")
                .containsPattern("mongodb\\s+mongo_2026-11-24\\.gz\\s+2026-11-24");

        SealedFolder.Result rendered = SealedFolder.run(folder, "pdftoppm", "-png", "-r", "80", "evidence.pdf",
                work.resolve("page").toString());
        assertThat(rendered.exit()).as(rendered.output()).isZero();
        List<Path> pages;
        try (Stream<Path> files = Files.list(work)) {
            pages = files.filter(p -> p.getFileName().toString().matches("page-\\d+\\.png")).sorted().toList();
        }
        assertThat(pages).as("pages of evidence.pdf").isNotEmpty();
        for (Path page : pages) {
            Files.copy(page, Path.of("target/evidence-pdf-" + page.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        BufferedImage first = ImageIO.read(pages.get(0).toFile());
        assertThat(first.getWidth()).isGreaterThan(first.getHeight()); // landscape: the tables are wide
        assertThat(inkShare(first)).as("share of page 1 that is not white").isBetween(0.01, 0.6);
        // The trend chart's lines (postgres blue, mongodb red) are drawn, not just its labels.
        BufferedImage last = ImageIO.read(pages.get(pages.size() - 1).toFile());
        assertThat(colourPixels(last, 0x1f, 0x77, 0xb4) + colourPixels(last, 0xd6, 0x27, 0x28))
                .as("pixels of the chart's lines on the last page").isGreaterThan(200);
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

    private static long colourPixels(BufferedImage image, int red, int green, int blue) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xff) - red) < 40 && Math.abs(((rgb >> 8) & 0xff) - green) < 40
                        && Math.abs((rgb & 0xff) - blue) < 40) {
                    count++;
                }
            }
        }
        return count;
    }

    private ReportWriter writer() {
        return new ReportWriter(new SecretMasker(), AllureCli.locate(),
                RunEnvironment.probe(Map.of("restore-drill/postgres:15", "sha256:0123abcd")));
    }
}
