package dev.restoredrill.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EvidenceJsonTest {
    private final DrillEvidence evidence = SampleEvidence.failed(true, Instant.parse("2026-11-24T10:00:00Z"));

    @Test
    void writesTheDocumentedSnakeCaseNamesIsoTimesAndTheManifestAsIs() throws Exception {
        JsonNode json = new ObjectMapper().readTree(EvidenceJson.write(evidence));

        assertThat(json.fieldNames()).toIterable().containsExactly("drill_id", "scenario", "title", "demo", "operator", "host",
                "start", "end", "verdict", "backup_manifest", "stores", "measured_rto", "checks", "journey",
                "failures", "preflight", "approver", "scenario_sha256", "harness_commit", "rto", "tracked_failures",
                "corrective_actions", "isolation", "cross_store_skew", "platform", "throughput");
        assertThat(json.get("demo").asBoolean()).isTrue();
        assertThat(json.get("start").asText()).isEqualTo("2026-11-24T10:00:00Z");
        assertThat(json.get("measured_rto").asText()).isEqualTo("PT4M12S");
        assertThat(json.at("/stores/1/restore_time").asText()).isEqualTo("PT41.5S");
        assertThat(json.at("/stores/0").fieldNames()).toIterable().containsExactly("store", "verdict",
                "restore_time", "completeness", "differences", "log_tail");
        assertThat(json.at("/checks/0").fieldNames()).toIterable().containsExactly("name", "store", "severity",
                "verdict", "expected", "actual", "message");
        assertThat(json.at("/journey/0").fieldNames()).toIterable().containsExactly("number", "name", "verdict",
                "message");
        assertThat(json.get("backup_manifest")).isEqualTo(SampleEvidence.manifest());
        assertThat(json.at("/failures/1/category").asText()).isEqualTo("DATA_LOSS");
        assertThat(json.at("/failures/1/message").asText()).startsWith("Data loss: librechat.messages");
    }

    @Test
    void thePlatformsMigrationsAndSchemaAreWrittenAndReadBack() throws Exception {
        DrillEvidence withPlatform = evidence.withPlatform(SampleEvidence.platform());
        JsonNode json = new ObjectMapper().readTree(EvidenceJson.write(withPlatform));

        assertThat(json.at("/platform/migrations/0").fieldNames()).toIterable().containsExactly("app", "image",
                "list_source", "stores", "not_checked");
        assertThat(json.at("/platform/migrations/0/stores/0").fieldNames()).toIterable().containsExactly("store",
                "recorded", "shipped", "pending", "applied", "state_after", "problem");
        assertThat(json.at("/platform/migrations/0/stores/0/applied/0").asText())
                .isEqualTo("20250926194702_unnamed_migration");
        assertThat(json.at("/platform/schema").fieldNames()).toIterable().containsExactly("change", "must_not",
                "diff", "violations", "restored", "after_start", "not_read");
        assertThat(json.at("/platform/schema/diff/0").asText()).startsWith("+ postgres/litellm column");
        assertThat(EvidenceJson.read(EvidenceJson.write(withPlatform))).isEqualTo(withPlatform);
    }

    @Test
    void readsBackWhatItWrote() {
        assertThat(EvidenceJson.read(EvidenceJson.write(evidence))).isEqualTo(evidence);
    }

    @Test
    void refusesJsonThatIsNotEvidence() {
        assertThatThrownBy(() -> EvidenceJson.read("{\"drill_id\":\"d\",\"start\":\"yesterday\"}"))
                .isInstanceOf(EvidenceException.class).hasMessageStartingWith("Not drill evidence JSON:")
                .hasMessageContaining("EVIDENCE.md");
    }
}
