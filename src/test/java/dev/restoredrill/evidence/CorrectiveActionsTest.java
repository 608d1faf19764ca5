package dev.restoredrill.evidence;

import dev.restoredrill.outcome.Failure;

import dev.restoredrill.outcome.Verdict;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Three drills in a row: the first's failures, with tickets, followed until they are fixed. */
class CorrectiveActionsTest {
    private static final Instant Q3 = Instant.parse("2026-08-20T10:00:00Z");

    @Test
    void eachFailureOfThePreviousDrillIsFixedOrStillFailingWithItsTicketCarriedOver() {
        DrillEvidence first = CorrectiveActions.apply(SampleEvidence.failed(false, Q3), Optional.empty(),
                Map.of("rpo-breach/postgres", "OPS-101"));
        assertThat(first.trackedFailures()).extracting(TrackedFailure::key, TrackedFailure::ticket).containsExactly(
                org.assertj.core.groups.Tuple.tuple("rpo-breach/postgres", "OPS-101"),
                org.assertj.core.groups.Tuple.tuple("data-loss/librechat.messages", null));
        assertThat(first.correctiveActions()).isEmpty();
        // What the next drill reads back is what evidence.json holds.
        DrillEvidence firstAsWritten = EvidenceJson.read(EvidenceJson.write(first));

        // The next quarter: the RPO breach is back (older backup this time), the data loss is fixed.
        DrillEvidence second = CorrectiveActions.apply(withFailures(Q3.plusSeconds(90L * 86_400),
                "RPO breach: postgres: postgres backup pg_2026-11-20.sql.gz is 52 h old; RPO is 24 h."),
                Optional.of(new PastDrill("2026-Q3", firstAsWritten)), Map.of("data-loss/librechat.messages", "OPS-102"));

        assertThat(second.correctiveActions()).containsExactly(
                new CorrectiveAction("rpo-breach/postgres", "2026-Q3",
                        "RPO breach: postgres backup pg_2026-11-23.sql.gz is 30 h old; RPO is 24 h.",
                        CorrectiveAction.STILL_FAILING, "OPS-101"),
                new CorrectiveAction("data-loss/librechat.messages", "2026-Q3",
                        "Data loss: librechat.messages: expected 120 documents, found 118.", CorrectiveAction.FIXED,
                        "OPS-102"));
        assertThat(second.trackedFailures()).extracting(TrackedFailure::ticket).containsExactly("OPS-101");

        // A third drill: fixed now; the ticket goes with the corrective action and is not carried further.
        DrillEvidence third = CorrectiveActions.apply(withFailures(Q3.plusSeconds(180L * 86_400)),
                Optional.of(new PastDrill("2026-Q4", EvidenceJson.read(EvidenceJson.write(second)))), Map.of());
        assertThat(third.correctiveActions()).extracting(CorrectiveAction::status, CorrectiveAction::ticket)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CorrectiveAction.FIXED, "OPS-101"));
        assertThat(third.trackedFailures()).isEmpty();

        String md = SummaryWriter.render(second, "2026-Q4", TrendPoint.of(
                List.of(new PastDrill("2026-Q3", firstAsWritten)), "2026-Q4", second));
        assertThat(md).contains("## Corrective actions\n\nThe previous drill's (2026-Q3) failures",
                "| `rpo-breach/postgres` | **still failing** | OPS-101 | RPO breach: postgres backup",
                "| `data-loss/librechat.messages` | fixed | OPS-102 | Data loss: librechat.messages",
                "## Failures and tickets", "| `rpo-breach/postgres` | OPS-101 | RPO breach: postgres:");
    }

    @Test
    void evidenceWrittenBeforeKeysExistedIsKeyedWhenRead() {
        DrillEvidence old = SampleEvidence.failed(false, Q3); // no tracked_failures, as older harnesses wrote it
        DrillEvidence now = CorrectiveActions.apply(withFailures(Q3.plusSeconds(90L * 86_400)),
                Optional.of(new PastDrill("2026-Q3", old)), Map.of());

        assertThat(now.correctiveActions()).extracting(CorrectiveAction::key)
                .containsExactly("rpo-breach/postgres", "data-loss/librechat.messages");
    }

    private static DrillEvidence withFailures(Instant start, String... failures) {
        DrillEvidence sample = SampleEvidence.failed(false, start);
        return new DrillEvidence(sample.drillId(), sample.scenario(), sample.title(), false, sample.operator(), sample.host(), start,
                start.plusSeconds(600), failures.length == 0 ? Verdict.PASS : Verdict.FAIL, sample.backupManifest(),
                sample.stores(), sample.measuredRto(), sample.checks(), sample.journey(),
                java.util.Arrays.stream(failures).map(Failure::of).toList());
    }
}
