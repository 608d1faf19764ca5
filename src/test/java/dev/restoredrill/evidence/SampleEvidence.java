package dev.restoredrill.evidence;

import dev.restoredrill.outcome.FailureCategory;

import dev.restoredrill.outcome.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A drill's evidence as the lead maps it: two stores, one RPO breach, a check, a journey. */
final class SampleEvidence {
    static final String MANIFEST = """
            {"drill_time":"2026-11-24T10:00:00Z","verdict":"FAIL","stores":[
              {"store":"postgres","rpo_target":"PT24H","verdict":"FAIL",
               "chosen":{"file_name":"pg_2026-11-23.sql.gz","size_bytes":1234},
               "rpo_check":{"backup_date":"2026-11-23","age":"PT30H","met":false}},
              {"store":"mongodb","rpo_target":"PT24H","verdict":"PASS",
               "chosen":{"file_name":"mongo_2026-11-24.gz"},
               "rpo_check":{"backup_date":"2026-11-24","age":"PT5H30M","met":true}},
              {"store":"minio","rpo_target":"PT168H","verdict":"PASS","chosen":null,"rpo_check":null}]}
            """;

    private SampleEvidence() {}

    static DrillEvidence failed(boolean demo, Instant start) {
        return new DrillEvidence("drill-20261124-abc123", "quarterly", "Quarterly restore drill", demo, "ops@example.org", "drill-host-1",
                start, start.plusSeconds(754), Verdict.FAIL, manifest(),
                List.of(new StoreOutcome("postgres", Verdict.PASS, Duration.ofSeconds(95), "12 tables, all counts equal",
                                List.of(), "COPY 120\nALTER TABLE"),
                        new StoreOutcome("mongodb", Verdict.FAIL, Duration.ofMillis(41_500), "3 collections, 1 short",
                                List.of("librechat.messages: expected 120 documents, found 118"), "restored")),
                Duration.ofSeconds(252),
                List.of(new CheckOutcomeView("users have emails", "postgres", "critical", Verdict.PASS, "0", "0",
                                "no user without email"),
                        new CheckOutcomeView("recent | conversations", "mongodb", "major", Verdict.FAIL, ">= 1", "0",
                                "Check failure: no conversation in the last 7 days")),
                List.of(new JourneyStepView(1, "sign in", Verdict.PASS, "200 in 120 ms"),
                        new JourneyStepView(2, "send a chat", Verdict.FAIL, "Journey failure: no answer within 60 s")),
                List.of(FailureCategory.RPO_BREACH.failure("postgres backup pg_2026-11-23.sql.gz is 30 h old; RPO is 24 h."),
                        FailureCategory.DATA_LOSS.failure("librechat.messages: expected 120 documents, found 118.")));
    }

    static JsonNode manifest() {
        try {
            return new ObjectMapper().readTree(MANIFEST);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A post-migration drill's apps' start: the gateway's seven migrations applied, one column added. */
    static PlatformEvidence platform() {
        return new PlatformEvidence(List.of(new PlatformEvidence.App("litellm",
                "restore-drill/litellm-standin:v1.77.7-stable", "pinned list compose/reference/litellm-standin/"
                        + "migrations/v1.77.7-stable", List.of(new PlatformEvidence.Store("postgres/litellm",
                "20250718125714_add_litellm_params_to_vector_stores", "20251003190954_extra_headers_to_mcp_table",
                List.of("20250926194702_unnamed_migration"), List.of("20250926194702_unnamed_migration"),
                "42 finished, 0 failed", null)), null)),
                new PlatformEvidence.Schema("changed", List.of("drop-column-with-data"),
                        List.of("+ postgres/litellm column public.LiteLLM_VerificationToken.auto_rotate boolean"),
                        List.of(), List.of("postgres/litellm table public.LiteLLM_VerificationToken"),
                        List.of("postgres/litellm table public.LiteLLM_VerificationToken",
                                "postgres/litellm column public.LiteLLM_VerificationToken.auto_rotate boolean"), null));
    }
}
