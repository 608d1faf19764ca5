package dev.restoredrill.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restoredrill.store.CheckKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario's integrity checks: each store's kinds, their few fields, and clear errors for the rest. */
class IntegrityCheckScenarioTest {

    @TempDir
    Path dir;

    private final ScenarioLoader loader = new ScenarioLoader(Map.of());

    @Test
    void everyStoreTakesItsIntegrityKindsWithDatabasesOrASample() throws IOException {
        DrillPlan plan = loader.read(write("ok.yml", """
                name: integrity
                stores: [postgres, mongodb, clickhouse, minio]
                checks:
                  - name: pg indexes
                    store: postgres
                    kind: pg-amcheck
                    severity: critical
                    databases: [litellm, langfuse]
                  - name: pg rows
                    store: postgres
                    kind: pg-full-read
                  - name: ch parts
                    store: clickhouse
                    kind: clickhouse-check-table
                  - name: ch rows
                    store: clickhouse
                    kind: clickhouse-full-read
                    databases: [default]
                  - name: mongo validate
                    store: mongodb
                    kind: mongo-validate
                  - name: blobs
                    store: minio
                    kind: s3-verify
                    sample: 250
                """));

        assertThat(plan.checks()).allSatisfy(check -> assertThat(check).isInstanceOf(IntegrityCheck.class));
        IntegrityCheck amcheck = (IntegrityCheck) plan.checks().get(0);
        assertThat(amcheck).isEqualTo(new IntegrityCheck("pg indexes", "postgres", CheckKind.PG_AMCHECK,
                Severity.CRITICAL, List.of("litellm", "langfuse"), IntegrityCheck.DEFAULT_SAMPLE));
        assertThat(amcheck.describe()).isEqualTo("postgres pg-amcheck (databases litellm, langfuse): no damage found");
        assertThat(plan.checks()).extracting(CheckPlan::kind).containsExactly(CheckKind.PG_AMCHECK,
                CheckKind.PG_FULL_READ, CheckKind.CLICKHOUSE_CHECK_TABLE, CheckKind.CLICKHOUSE_FULL_READ,
                CheckKind.MONGO_VALIDATE, CheckKind.S3_VERIFY);
        assertThat(((IntegrityCheck) plan.checks().get(1)).scope()).isEqualTo("every database");
        assertThat(((IntegrityCheck) plan.checks().get(5)).sample()).isEqualTo(250);
        assertThat(plan.checks().get(5).describe()).contains("a sample of about 250");
    }

    @Test
    void anIntegrityCheckHasNoExpectation() throws IOException {
        ScenarioException error = fails(write("expect.yml", """
                name: expect
                stores: [postgres]
                checks:
                  - name: pg indexes
                    store: postgres
                    kind: pg-amcheck
                    expect: ">= 1"
                """));

        assertThat(error.line()).isEqualTo(7);
        assertThat(error.getMessage()).contains("checks[0].expect",
                "a 'pg-amcheck' check has no 'expect': it passes when the store's own integrity check finds no damage");
    }

    @Test
    void aKindOfAnotherStoreIsRefusedNamingTheKindsTheStoreAccepts() throws IOException {
        ScenarioException error = fails(write("kind.yml", """
                name: kind
                stores: [mongodb]
                checks:
                  - name: validate
                    store: mongodb
                    kind: pg-amcheck
                """));

        assertThat(error.getMessage()).contains("checks[0].kind", "mongo", "mongo-validate");
    }

    @Test
    void aSampleMustBeAPositiveNumberAndFieldsOfOtherKindsAreRefused() throws IOException {
        ScenarioException sample = fails(write("sample.yml", """
                name: sample
                stores: [minio]
                checks:
                  - name: blobs
                    store: minio
                    kind: s3-verify
                    sample: none
                """));
        ScenarioException field = fails(write("field.yml", """
                name: field
                stores: [minio]
                checks:
                  - name: blobs
                    store: minio
                    kind: s3-verify
                    databases: [langfuse]
                """));
        ScenarioException empty = fails(write("empty.yml", """
                name: empty
                stores: [postgres]
                checks:
                  - name: rows
                    store: postgres
                    kind: pg-full-read
                    databases: []
                """));

        assertThat(sample.getMessage()).contains("checks[0].sample", "expected a whole number of objects, at least 1");
        assertThat(field.getMessage()).contains("databases");
        assertThat(empty.getMessage()).contains("checks[0].databases", "is an empty list");
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    private ScenarioException fails(Path file) {
        return (ScenarioException) assertThatThrownBy(() -> loader.read(file))
                .isInstanceOf(ScenarioException.class)
                .actual();
    }
}
