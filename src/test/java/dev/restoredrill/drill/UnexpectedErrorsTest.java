package dev.restoredrill.drill;

import dev.restoredrill.evidence.DrillEvidence;
import dev.restoredrill.evidence.EvidenceJson;
import dev.restoredrill.evidence.SummaryWriter;
import dev.restoredrill.outcome.Failure;
import dev.restoredrill.outcome.FailureCategory;
import dev.restoredrill.outcome.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An unexpected exception in any phase (a bug of the drill's own, injected here) fails that phase's test with a
 * "Drill error" message, and the evidence and the summary carry the same failure and a FAIL verdict: the exit
 * code, the report and the evidence never disagree. No Docker: the hook throws before a phase touches a store.
 */
class UnexpectedErrorsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(value = DrillPhase.class, names = {"CATALOG", "COMPLETENESS", "CHECKS", "JOURNEY"})
    void anUnexpectedExceptionIsThatPhasesFailureEverywhere(DrillPhase phase) throws IOException {
        DrillRun run = drill();
        run.injectFaults((p, subject) -> {
            if (p == phase) {
                throw new NullPointerException("injected into " + p);
            }
        });

        assertThatThrownBy(() -> runPhase(run, phase))
                .isInstanceOf(DrillErrorException.class)
                .hasMessageStartingWith("Drill error: " + phase.title() + " of ")
                .hasMessageContaining("NullPointerException: injected into " + phase);

        DrillEvidence evidence = EvidenceAssembler.assemble(run, "drill-20261124-abcdef", NOW);
        assertThat(evidence.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(evidence.failures()).extracting(Failure::category).contains(FailureCategory.DRILL_ERROR);
        Failure failure = evidence.failures().stream().filter(f -> f.category() == FailureCategory.DRILL_ERROR)
                .findFirst().orElseThrow();
        assertThat(failure.message()).contains("injected into " + phase);
        assertThat(SummaryWriter.render(evidence, "2026-Q4")).contains("**Verdict: FAIL**")
                .contains(failure.message().substring(0, 40));
        assertThat(EvidenceJson.write(evidence)).contains("\"category\" : \"DRILL_ERROR\"");
    }

    @Test
    void aStoreWhoseCompletenessBrokeIsNotAPass() throws IOException {
        DrillRun run = drill();
        run.injectFaults((phase, subject) -> {
            if (phase == DrillPhase.COMPLETENESS) {
                throw new IllegalStateException("boom");
            }
        });
        assertThatThrownBy(() -> run.completeness("postgres")).isInstanceOf(DrillErrorException.class);
        // Asked again (the report asks each phase once more), the same failure, not a second attempt.
        assertThatThrownBy(() -> run.completeness("postgres")).hasMessageContaining("boom");

        assertThat(run.drillErrors()).hasSize(1);
        assertThat(run.drillErrorOn("postgres")).isTrue();
    }

    @Test
    void aCheckAfterTheStackFailedNamesThatFailureNotANullStore() throws IOException {
        DrillRun run = drill();
        run.injectFaults((phase, subject) -> {
            if (phase == DrillPhase.RESTORE) {
                throw new IllegalStateException("ambassador of postgres did not start");
            }
        });
        run.restores();

        assertThatThrownBy(() -> run.completeness("postgres")).isInstanceOf(DrillErrorException.class)
                .hasMessageContaining("no connection to the restored stores because the drill stack failed: "
                        + "ambassador of postgres did not start")
                .hasMessageNotContaining("NullPointerException");
    }

    private static void runPhase(DrillRun run, DrillPhase phase) {
        switch (phase) {
            case CATALOG -> run.manifest();
            case RESTORE -> run.restores();
            case COMPLETENESS -> run.completeness("postgres");
            case CHECKS -> run.check(run.plan().checks().get(0));
            case JOURNEY -> run.journey();
        }
    }

    /** A one-store drill on a small, valid pg_dumpall of today. */
    private DrillRun drill() throws IOException {
        Path backups = Files.createDirectories(temp.resolve("backups"));
        LocalDate today = NOW.atZone(ZoneOffset.UTC).toLocalDate();
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(backups.resolve("pg_" + today
                + ".sql.gz")))) {
            out.write(("--\n-- PostgreSQL database cluster dump\n--\n\n"
                    + "\\connect postgres\n\n--\n-- PostgreSQL database cluster dump complete\n--\n\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        Path scenario = temp.resolve("faults.yml");
        Files.writeString(scenario, """
                name: faults
                stores: [postgres]
                journey:
                  endpoint: LiteLLM
                  model: gpt-4o-mini
                checks:
                  - name: gateway keys
                    store: postgres
                    database: litellm
                    sql: SELECT count(*) FROM "LiteLLM_VerificationToken"
                    expect: ">= 1"
                """);
        return DrillRun.prepare(new DrillOptions(scenario, Optional.of(backups.toString()), "reference",
                Optional.of(temp.resolve("reports")), false, temp.resolve("work")), Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
