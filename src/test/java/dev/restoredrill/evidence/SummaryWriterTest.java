package dev.restoredrill.evidence;

import dev.restoredrill.outcome.Verdict;
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

        assertThat(md).startsWith("# Quarterly restore drill 2026-Q4 — quarterly\n\n**Verdict: FAIL**\n")
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
    void showsPerAppTheMigrationsPendingAndAppliedAndTheSchemaDiff() {
        String md = SummaryWriter.render(SampleEvidence.failed(false, START).withPlatform(SampleEvidence.platform()),
                "2026-Q4");
        assertThat(md).contains("## Migrations and schema",
                "| litellm | restore-drill/litellm-standin:v1.77.7-stable | postgres/litellm | "
                        + "20250718125714_add_litellm_params_to_vector_stores | 20251003190954_extra_headers_to_mcp_table "
                        + "| 1 | 1 | 42 finished, 0 failed | — |",
                "Applied to postgres/litellm by restore-drill/litellm-standin:v1.77.7-stable: "
                        + "`20250926194702_unnamed_migration`.",
                "Schema as restored vs after the start: **changed**. Must not: drop-column-with-data.",
                "+ postgres/litellm column public.LiteLLM_VerificationToken.auto_rotate boolean");
        assertThat(SummaryWriter.render(SampleEvidence.failed(false, START), "2026-Q4"))
                .as("a drill that started no app has no such section").doesNotContain("## Migrations and schema");
    }

    @Test
    void anEmptyDrillSaysWhatDidNotHappen() {
        DrillEvidence empty = new DrillEvidence("d1", "smoke", "Smoke drill", false, null, null, START, null, Verdict.ERROR,
                null, null, null, null, null, null);

        assertThat(SummaryWriter.render(empty, "2026-Q4")).contains("**Verdict: ERROR**", "| Operator | — |",
                "| End | — |", "No store was restored.", "**RTO (measured, total): —**", "No checks ran.",
                "The journey did not run.", "## Failures\n\nNone.");
    }

    @Test
    void showsTheRtoTargetsTheAuditTrailAndTheTrend() {
        DrillEvidence e = SampleEvidence.failed(false, START)
                .withAudit(false, "ops@example.org", null, "5f2c0a", "89bbfb7")
                .withRto(java.util.List.of(
                        RtoOutcome.judge("postgres", java.time.Duration.ofHours(1), java.time.Duration.ofSeconds(95)),
                        RtoOutcome.judge("mongodb", java.time.Duration.ofSeconds(30),
                                java.time.Duration.ofMillis(41_500)),
                        RtoOutcome.judge(RtoOutcome.WHOLE_DRILL, null, java.time.Duration.ofSeconds(252))));
        java.util.List<TrendPoint> trend = java.util.List.of(
                TrendPoint.of("2026-Q3", SampleEvidence.failed(false, Instant.parse("2026-08-24T10:00:00Z"))),
                TrendPoint.of("2026-Q4", e));

        String md = SummaryWriter.render(e, "2026-Q4", trend);

        assertThat(md).contains("| Approver | not yet (scripts/approve.sh appends to approvals.txt) |",
                "| Scenario sha256 | 5f2c0a |", "| Harness commit | 89bbfb7 |",
                "## RTO: target, measured, verdict\n\n| Store | RTO target | Measured | Verdict |\n|---|---|---|---|\n"
                        + "| postgres | 1 h 0 min | 1 min 35 s | MET |\n| mongodb | 30.0 s | 41.5 s | **MISSED** |\n"
                        + "| all stores | — | 4 min 12 s | NO TARGET |\n",
                "3. RTO missed: mongodb took 41.5 s, target 30.0 s\n",
                "## Corrective actions\n\nThe previous drill (2026-Q3) had no failures.",
                "| 2026-Q3 | 2026-08-24 | **FAIL** | postgres | 1 d 6 h | 1 min 35 s |",
                "| 2026-Q4 | 2026-11-24 | **FAIL** | all stores | — | 4 min 12 s |");
    }

    @Test
    void aPreflightSaysItIsNotADrillAndHasNoTrend() {
        DrillEvidence e = SampleEvidence.failed(false, START).withAudit(true, "ops", null, null, null);

        String md = SummaryWriter.render(e, "2026-11-24-1", java.util.List.of());

        assertThat(md).startsWith("# Pre-flight 2026-11-24-1 — quarterly\n\n> **PRE-FLIGHT — backups checked only;"
                + " not a drill, not in the trend**\n").doesNotContain("## Trend", "## Corrective actions");
    }

    @Test
    void namesAnOffHostSourceAndWhatWasFetched() throws Exception {
        JsonNode manifest = new ObjectMapper().readTree("""
                {"stores": [], "source": {"kind": "restic", "uri": "restic:sftp:backup-vm:/srv/restic",
                 "snapshot_id": "4f2a9c1e77", "snapshot_time": "2026-11-24T02:10:00Z", "fetches": [{}, {}],
                 "bytes_fetched": 1234, "fault": null}}""");
        DrillEvidence fromRestic = new DrillEvidence("d1", "smoke", "Smoke drill", false, null, null, START, null, Verdict.PASS,
                manifest, null, null, null, null, null);

        assertThat(SummaryWriter.render(fromRestic, "2026-Q4")).contains("Backups read from"
                + " `restic:sftp:backup-vm:/srv/restic`, snapshot `4f2a9c1e77` of 2026-11-24T02:10:00Z: 2 file(s),"
                + " 1234 bytes fetched.");
        assertThat(SummaryWriter.render(SampleEvidence.failed(false, START), "2026-Q4"))
                .doesNotContain("Backups read from");
    }
}
