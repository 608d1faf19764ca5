package dev.restoredrill.drill;

import dev.restoredrill.evidence.DrillEvidence;
import dev.restoredrill.evidence.PlatformEvidence;
import dev.restoredrill.generate.BackupSet;
import dev.restoredrill.generate.GeneratedBackups;
import dev.restoredrill.migrations.AppliedMigrations;
import dev.restoredrill.outcome.Failure;
import dev.restoredrill.outcome.FailureCategory;
import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.restore.RestoreOutcome;
import dev.restoredrill.stack.LeftoverReaper;
import dev.restoredrill.testsupport.RequiresDocker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A post-migration drill on the reference candidates (Langfuse 3.120.0, LiteLLM v1.77.7-stable) whose Langfuse
 * candidate is the failing test variant (LANGFUSE_STANDIN_FAIL_MIGRATION): the drill is red, naming the migration,
 * the store's state (a _prisma_migrations row without finished_at) and what to do, while the stores' restores and the
 * gateway's own migrations still show as they are. One drill of the three stores Langfuse runs on (no MongoDB, no
 * journey), on the small generated set.
 */
@RequiresDocker
class FailingMigrationDrillIT {

    /** A Prisma migration of Langfuse 3.120.0 that 3.112.0 lacks (its stand-in has an equivalent for it). */
    private static final String FAILING = "20251006173445_add_cloud_spend_alerts";

    @TempDir
    Path temp;

    @Test
    void aCandidateWhoseMigrationFailsTurnsTheDrillRedAndTheOtherResultsStillShow() throws IOException {
        BackupSet set = GeneratedBackups.small();
        Path failing = Files.writeString(temp.resolve("failing-candidate.override.yml"), """
                # The failing-candidate test variant of the Langfuse stand-in (its README): FAILING's last statement fails.
                services:
                  langfuse-web:
                    environment:
                      LANGFUSE_STANDIN_FAIL_MIGRATION: %s
                """.formatted(FAILING));
        Path scenario = Files.writeString(temp.resolve("failing-migration.yml"), """
                name: failing-migration
                stores: [postgres, clickhouse, minio]
                stack:
                  compose_files: [compose/platform.yml, compose/drill.override.yml, %s]
                  images:
                    litellm: ghcr.io/berriai/litellm:v1.77.7-stable
                    langfuse-web: langfuse/langfuse:3.120.0
                    langfuse-worker: langfuse/langfuse-worker:3.120.0
                  startup_timeout: 3m
                schema:
                  must_not: [drop-table-with-data, drop-column-with-data]
                """.formatted(failing.toAbsolutePath()));
        DrillRun run = DrillRun.prepare(new DrillOptions(scenario, Optional.of(set.directory().toString()),
                "reference", Optional.of(temp.resolve("reports")), false, temp.resolve("work")), Clock.systemUTC());
        PlatformOutcome platform;
        DrillEvidence evidence;
        String drillId;
        try {
            platform = run.platform().orElseThrow(() -> new AssertionError("the drill stack did not start: "
                    + run.stackFailure().map(Throwable::getMessage).orElse("no reason recorded")));
            drillId = run.drillId();
            evidence = EvidenceAssembler.assemble(run, drillId, Instant.now());
        } finally {
            run.close();
        }
        assertThat(LeftoverReaper.remaining(drillId)).as("left behind by " + drillId).isEmpty();

        // The stores restored as they would without the candidate: the failure stays with the migration.
        for (String store : new String[] {"postgres", "clickhouse", "minio"}) {
            RestoreOutcome restore = run.restoresIfRun().orElseThrow().outcomes().get(store);
            assertThat(restore.restored()).as(store + ": " + restore.failure()).isTrue();
        }
        // langfuse-web exits 1 as the real web container does, with Prisma's P3018 naming the migration.
        AppOutcome web = platform.apps().get(PlatformApps.LANGFUSE_WEB);
        assertThat(web.healthy()).isFalse();
        assertThat(web.logTail()).contains("P3018", "Migration name: " + FAILING);

        AppliedMigrations langfuse = platform.langfuse().orElseThrow().applied("postgres/langfuse").orElseThrow();
        assertThat(langfuse.applied()).as("the migrations before the failing one were applied")
                .contains("20251001161539_organization_cloud_billing_cycle_columns").doesNotContain(FAILING);
        assertThat(langfuse.stateAfter()).endsWith("1 failed");
        assertThat(langfuse.problem()).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("Migration failure: Prisma migration " + FAILING)
                .contains("_prisma_migrations row without finished_at", "P3009", "Do not roll out this candidate"));

        // The gateway's candidate migrated its database independently: seven migrations, clean.
        GatewayMigrations gateway = platform.gateway().orElseThrow();
        assertThat(gateway.image()).isEqualTo("restore-drill/litellm-standin:v1.77.7-stable");
        assertThat(gateway.pending().orElseThrow().pending()).hasSize(7);
        assertThat(gateway.applied().orElseThrow().applied()).containsExactlyElementsOf(
                gateway.pending().orElseThrow().pending());
        assertThat(gateway.applied().orElseThrow().problem()).isEmpty();

        // The schema diff shows what the gateway changed; dropping a column of the (empty) MCP table is no data loss.
        SchemaChange schema = platform.schema().orElseThrow();
        assertThat(schema.diff()).contains(
                "- postgres/litellm column public.LiteLLM_MCPServerTable.spec_version text not null",
                "+ postgres/litellm column public.LiteLLM_VerificationToken.auto_rotate boolean",
                "+ postgres/litellm table public.LiteLLM_PromptTable");
        assertThat(schema.violations()).isEmpty();

        // The evidence is red for the migration and keeps the rest: restores, the gateway's migrations, the diff.
        assertThat(evidence.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(evidence.failures()).filteredOn(f -> f.category() == FailureCategory.MIGRATION_FAILURE)
                .extracting(Failure::message).anySatisfy(m -> assertThat(m).contains(FAILING));
        assertThat(evidence.stores()).allSatisfy(store -> assertThat(store.restoreTime()).isPositive());
        PlatformEvidence.App litellm = evidence.platform().migrations().stream()
                .filter(app -> app.app().equals("litellm")).findFirst().orElseThrow();
        assertThat(litellm.stores().get(0).applied()).hasSize(7);
        assertThat(evidence.platform().schema().change()).isEqualTo("changed");
    }
}
