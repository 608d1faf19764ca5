package dev.restoredrill.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pre-flights are not drills; demo drills are not evidence. */
class EarlierDrillsTest {
    private static final Instant NOVEMBER = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void aPreflightGetsADatedFolderOfItsOwnAndNeverAQuarter(@TempDir Path reports) {
        assertThat(ReportFolders.claimPreflight(reports, NOVEMBER)).isEqualTo(reports.resolve("preflight/2026-11-24-1"));
        assertThat(ReportFolders.claimPreflight(reports, NOVEMBER.plusSeconds(60)))
                .isEqualTo(reports.resolve("preflight/2026-11-24-2"));
        // The next drill still takes the quarter's first folder.
        assertThat(ReportFolders.claim(reports, NOVEMBER)).isEqualTo(reports.resolve("2026-Q4"));
    }

    @Test
    void theTrendReadsEarlierDrillsOnlyLeavingOutPreflightsDemosAndLaterOnes(@TempDir Path reports) throws Exception {
        write(reports.resolve("2026-Q2"), SampleEvidence.failed(false, Instant.parse("2026-05-10T10:00:00Z")));
        write(reports.resolve("2026-Q3"), SampleEvidence.failed(true, Instant.parse("2026-08-10T10:00:00Z")));
        write(reports.resolve("2026-Q3-2"), SampleEvidence.failed(false, Instant.parse("2026-08-11T10:00:00Z")));
        write(reports.resolve("preflight/2026-11-01-1"), SampleEvidence.failed(false, NOVEMBER)
                .withAudit(true, "ops", null, null, null));
        write(reports.resolve("2027-Q1"), SampleEvidence.failed(false, Instant.parse("2027-01-10T10:00:00Z")));
        Files.createDirectories(reports.resolve("2026-Q1")); // a folder without evidence (an aborted write)
        Files.writeString(Files.createDirectories(reports.resolve("2026-Q1-2")).resolve("evidence.json"), "{oops");
        Path current = Files.createDirectories(reports.resolve("2026-Q4"));

        assertThat(EarlierDrills.before(reports, current, false)).extracting(PastDrill::folder)
                .containsExactly("2026-Q2", "2026-Q3-2");
        assertThat(EarlierDrills.before(reports, current, true)).extracting(PastDrill::folder)
                .containsExactly("2026-Q2", "2026-Q3", "2026-Q3-2");
    }

    private static void write(Path folder, DrillEvidence evidence) throws Exception {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("evidence.json"), EvidenceJson.write(evidence));
    }
}
