package dev.restoredrill.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFoldersTest {
    private static final Instant NOVEMBER = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void namesTheQuarterOfTheDrillStartInUtc() {
        assertThat(ReportFolders.quarter(Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo("2026-Q1");
        assertThat(ReportFolders.quarter(Instant.parse("2026-03-31T23:59:59Z"))).isEqualTo("2026-Q1");
        assertThat(ReportFolders.quarter(Instant.parse("2026-04-01T00:00:00Z"))).isEqualTo("2026-Q2");
        assertThat(ReportFolders.quarter(Instant.parse("2026-09-30T12:00:00Z"))).isEqualTo("2026-Q3");
        assertThat(ReportFolders.quarter(Instant.parse("2026-12-31T23:59:59Z"))).isEqualTo("2026-Q4");
        // 30 September 23:30 in New York is 1 October in UTC.
        assertThat(ReportFolders.quarter(OffsetDateTime.parse("2026-09-30T23:30:00-04:00").toInstant()))
                .isEqualTo("2026-Q4");
    }

    @Test
    void furtherRunsInTheSameQuarterGetNumberedFolders(@TempDir Path reports) {
        assertThat(ReportFolders.claim(reports, NOVEMBER)).isEqualTo(reports.resolve("2026-Q4"));
        assertThat(ReportFolders.claim(reports, NOVEMBER.plusSeconds(3600))).isEqualTo(reports.resolve("2026-Q4-2"));
        assertThat(ReportFolders.claim(reports, NOVEMBER.plusSeconds(7200))).isEqualTo(reports.resolve("2026-Q4-3"));
        assertThat(ReportFolders.claim(reports, Instant.parse("2027-01-02T00:00:00Z")))
                .isEqualTo(reports.resolve("2027-Q1"));
        assertThat(reports.resolve("2026-Q4")).isEmptyDirectory();
    }

    @Test
    void neverWritesIntoOrAltersAnExistingReport(@TempDir Path reports) throws Exception {
        Path existing = Files.createDirectories(reports.resolve("2026-Q4"));
        Path evidence = Files.writeString(existing.resolve("evidence.json"), "{\"verdict\":\"PASS\"}");
        FileTime written = FileTime.from(Instant.parse("2026-10-01T08:00:00Z"));
        Files.setLastModifiedTime(evidence, written);
        Files.setLastModifiedTime(existing, written);
        Files.createDirectories(reports.resolve("2026-Q4-2"));

        Path claimed = ReportFolders.claim(reports, NOVEMBER);

        assertThat(claimed).isEqualTo(reports.resolve("2026-Q4-3"));
        assertThat(Files.readString(evidence)).isEqualTo("{\"verdict\":\"PASS\"}");
        assertThat(Files.getLastModifiedTime(evidence)).isEqualTo(written);
        assertThat(Files.getLastModifiedTime(existing)).isEqualTo(written);
        try (Stream<Path> files = Files.list(existing)) {
            assertThat(files).containsExactly(evidence);
        }
    }

    @Test
    void aFileInTheWayIsSkippedNotReplaced(@TempDir Path reports) throws Exception {
        Files.writeString(reports.resolve("2026-Q4"), "not a folder");

        assertThat(ReportFolders.claim(reports, NOVEMBER)).isEqualTo(reports.resolve("2026-Q4-2"));
        assertThat(Files.readString(reports.resolve("2026-Q4"))).isEqualTo("not a folder");
    }

    @Test
    void aReportsRootThatIsAFileIsAClearError(@TempDir Path dir) throws Exception {
        Path notADir = Files.writeString(dir.resolve("reports"), "x");

        assertThatThrownBy(() -> ReportFolders.claim(notADir, NOVEMBER)).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("Cannot create a report folder under " + notADir)
                .hasMessageContaining("writable");
    }

    @Test
    void historyComesFromTheNewestEarlierReportThatHasIt(@TempDir Path reports) throws Exception {
        for (String name : new String[] {"2026-Q3", "2026-Q4-9", "2026-Q4-10", "2026-Q4-11", "notes"}) {
            Files.createDirectories(reports.resolve(name));
        }
        Files.createDirectories(reports.resolve("2026-Q3/history"));
        Files.createDirectories(reports.resolve("2026-Q4-9/history"));
        Files.createDirectories(reports.resolve("2026-Q4-10/history"));
        Files.createDirectories(reports.resolve("notes/history"));
        Path current = Files.createDirectories(reports.resolve("2026-Q4-12"));
        Files.createDirectories(reports.resolve("2027-Q1/history")); // a later report is not "earlier"

        assertThat(ReportFolders.previousWithHistory(reports, current)).contains(reports.resolve("2026-Q4-10"));
        assertThat(ReportFolders.previousWithHistory(reports, reports.resolve("2026-Q3"))).isEmpty();
    }
}
