package dev.restoredrill.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SummaryWriterTest {
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void headsThePageWithTheDrillAndItsVerdict() {
        String md = SummaryWriter.render(SampleEvidence.failed(false, START), "2026-Q4");

        assertThat(md).startsWith("# Restore drill 2026-Q4 — quarterly\n\n**Verdict: FAIL**\n")
                .contains("| Drill id | drill-20261124-abc123 |", "| Operator | ops@example.org |",
                        "| Host | drill-host-1 |", "| Start | 2026-11-24T10:00:00Z |",
                        "| End | 2026-11-24T10:12:34Z |", "| Duration | 12 min 34 s |")
                .doesNotContain("DEMO");
    }

    @Test
    void aDemoDrillSaysItIsNotEvidenceBeforeAnythingElse() {
        String md = SummaryWriter.render(SampleEvidence.failed(true, START), "2026-Q4-2");

        assertThat(md.lines().skip(2).findFirst().orElseThrow())
                .isEqualTo("> **DEMO DRILL — generated backups, not evidence**");
    }

    @Test
    void tablesRpoAndRtoPerStoreFromTheManifestAndTheRestores() {
        String md = SummaryWriter.render(SampleEvidence.failed(false, START), "2026-Q4");

        assertThat(md).contains(
                "| Store | Backup | Backup date | Age | RPO | RPO met | Verdict | Restore time | Completeness |",
                "| postgres | pg_2026-11-23.sql.gz | 2026-11-23 | 1 d 6 h | 1 d | **no** | PASS | 1 min 35 s"
                        + " | 12 tables, all counts equal |",
                "| mongodb | mongo_2026-11-24.gz | 2026-11-24 | 5 h 30 min | 1 d | yes | **FAIL** | 41.5 s"
                        + " | 3 collections, 1 short |",
                // In the manifest, not restored: its backup verdict stands, nothing else is claimed.
                "| minio | — | — | — | 7 d | — | PASS | — | — |",
                "**RTO (measured, total): 4 min 12 s**",
                "Differences in mongodb:\n- librechat.messages: expected 120 documents, found 118\n");
    }

    @Test
    void listsChecksJourneyAndNumberedFailures() {
        String md = SummaryWriter.render(SampleEvidence.failed(false, START), "2026-Q4");

        assertThat(md).contains("| users have emails | postgres | critical | PASS | 0 | 0 | no user without email |",
                "| recent \\| conversations | mongodb | major | **FAIL** | >= 1 | 0 |",
                "| 2 | send a chat | **FAIL** | Journey failure: no answer within 60 s |",
                "## Failures\n\n1. RPO breach: postgres backup pg_2026-11-23.sql.gz is 30 h old; RPO is 24 h.\n"
                        + "2. Data loss: librechat.messages: expected 120 documents, found 118.\n");
    }

    @Test
    void anEmptyDrillSaysWhatDidNotHappen() {
        DrillEvidence empty = new DrillEvidence("d1", "smoke", false, null, null, START, null, Verdict.ERROR,
                null, null, null, null, null, null);

        assertThat(SummaryWriter.render(empty, "2026-Q4")).contains("**Verdict: ERROR**", "| Operator | — |",
                "| End | — |", "No store was restored.", "**RTO (measured, total): —**", "No checks ran.",
                "The journey did not run.", "## Failures\n\nNone.");
    }

    @Test
    void namesAnOffHostSourceAndWhatWasFetched() throws Exception {
        JsonNode manifest = new ObjectMapper().readTree("""
                {"stores": [], "source": {"kind": "restic", "uri": "restic:sftp:backup-vm:/srv/restic",
                 "snapshot_id": "4f2a9c1e77", "snapshot_time": "2026-11-24T02:10:00Z", "fetches": [{}, {}],
                 "bytes_fetched": 1234, "fault": null}}""");
        DrillEvidence fromRestic = new DrillEvidence("d1", "smoke", false, null, null, START, null, Verdict.PASS,
                manifest, null, null, null, null, null);

        assertThat(SummaryWriter.render(fromRestic, "2026-Q4")).contains("Backups read from"
                + " `restic:sftp:backup-vm:/srv/restic`, snapshot `4f2a9c1e77` of 2026-11-24T02:10:00Z: 2 file(s),"
                + " 1234 bytes fetched.");
        assertThat(SummaryWriter.render(SampleEvidence.failed(false, START), "2026-Q4"))
                .doesNotContain("Backups read from");
    }
}
