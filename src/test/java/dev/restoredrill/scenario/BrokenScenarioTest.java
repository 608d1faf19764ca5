package dev.restoredrill.scenario;

import dev.restoredrill.store.StoreType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of bad scenario fails at load time with its own message naming file, line, column and field,
 * what was expected and what was found. Line numbers below count from 1 in the YAML given.
 */
class BrokenScenarioTest {

    @TempDir
    Path dir;

    private final ScenarioLoader loader = new ScenarioLoader(Map.of());

    @Test
    void aMinimalScenarioLoadsWithTheRunbooksDefaults() throws IOException {
        DrillPlan plan = loader.read(write("ok.yml", """
                name: minimal
                stores: [postgres, minio]
                """));

        assertThat(plan.stores()).containsExactly(StorePlan.defaultsFor(StoreType.POSTGRES),
                StorePlan.defaultsFor(StoreType.MINIO));
        assertThat(plan.journey()).isEmpty();
        assertThat(plan.checks()).isEmpty();
        assertThat(plan.report()).isEqualTo(new ReportPlan("reports", "Restore drill: minimal"));
    }

    @Test
    void malformedYamlNamesTheLineSnakeYamlStoppedAt() throws IOException {
        Path file = write("indent.yml", """
                name: indent
                stores:
                  - name: postgres
                     rpo: 24h
                """);

        ScenarioException error = fails(file);

        assertThat(error.line()).isEqualTo(4);
        assertThat(error.getMessage()).startsWith(file + ":4:")
                .contains("malformed YAML: mapping values are not allowed here")
                .contains("Check the indentation");
    }

    @Test
    void unquotedComparisonGetsAQuotingHint() throws IOException {
        ScenarioException error = fails(write("unquoted.yml", """
                name: unquoted
                stores: [postgres]
                checks:
                  - name: keys
                    store: postgres
                    database: litellm
                    sql: SELECT 1
                    expect: >= 1
                """));

        assertThat(error.line()).isEqualTo(8);
        assertThat(error.getMessage()).contains("must be quoted, e.g. expect: \">= 1\"");
    }

    @Test
    void unknownKeyIsAnErrorWithASuggestion() throws IOException {
        Path file = write("typo.yml", """
                name: typo
                stores:
                  - name: postgres
                    rpoo: 24h
                """);

        ScenarioException error = fails(file);

        assertThat(error.getMessage()).isEqualTo(file + ":4:5: field 'stores[0].rpoo': unknown field. Did you mean "
                + "'rpo'? Known fields here: name, kind, file_pattern, rpo, service, volume, rto.");
        assertThat(error.field()).contains("stores[0].rpoo");
    }

    @Test
    void wrongTypeSaysWhatWasExpectedAndFound() throws IOException {
        Path file = write("soon.yml", """
                name: soon
                stores:
                  - name: mongodb
                    rpo: soon
                """);

        ScenarioException error = fails(file);

        assertThat(error.getMessage()).isEqualTo(file + ":4:10: field 'stores[0].rpo': expected a duration like "
                + "24h, 7d, 90m, 45s or 1h30m, found 'soon'.");
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.column()).isEqualTo(10);
    }

    @Test
    void listWhereTextBelongsIsNamedAsSuch() throws IOException {
        ScenarioException error = fails(write("shape.yml", """
                name: shape
                stores: [postgres]
                journey:
                  endpoint: [LiteLLM]
                  model: gpt-4o-mini
                """));

        assertThat(error.getMessage()).contains(":4:13: field 'journey.endpoint': expected text, found a list.");
    }

    @Test
    void missingRequiredFieldNamesTheFieldAndItsSection() throws IOException {
        Path file = write("nomodel.yml", """
                name: nomodel
                stores: [postgres, mongodb]
                journey:
                  endpoint: LiteLLM
                  answer_timeout: 60s
                """);

        ScenarioException error = fails(file);

        assertThat(error.getMessage()).startsWith(file + ":4:3: field 'journey.model': missing; expected the model");
    }

    @Test
    void missingStoresIsReportedForTheWholeScenario() throws IOException {
        Path file = write("nostores.yml", """
                name: nostores
                description: forgot the stores
                """);

        assertThat(fails(file).getMessage()).startsWith(file + ":1:1: field 'stores': missing; expected a list of "
                + "the stores to restore, from postgres, mongodb, clickhouse, minio.");
    }

    @Test
    void badExpectationListsTheAcceptedForms() throws IOException {
        Path file = write("lots.yml", """
                name: lots
                stores: [postgres]
                checks:
                  - name: keys
                    store: postgres
                    database: litellm
                    sql: SELECT count(*) FROM "LiteLLM_VerificationToken"
                    expect: ">= 1"
                  - name: budgets
                    store: postgres
                    database: litellm
                    sql: SELECT count(*) FROM "LiteLLM_BudgetTable"
                    expect: lots
                """);

        ScenarioException error = fails(file);

        assertThat(error.getMessage()).isEqualTo(file + ":13:13: field 'checks[1].expect': expected one of '>= N', "
                + "'> N', '== N', '<= N', '< N' (N a whole number), '== backup', "
                + "'newest within <duration> of the backup date', found 'lots'.");
    }

    @Test
    void unknownStoreNameSuggestsTheKnownOne() throws IOException {
        Path file = write("store.yml", """
                name: store
                stores:
                  - postgress
                """);

        assertThat(fails(file).getMessage()).isEqualTo(file + ":3:5: field 'stores[0]': expected one of postgres, "
                + "mongodb, clickhouse, minio, found 'postgress'. Did you mean 'postgres'?");
    }

    @Test
    void checkOnAStoreTheDrillDoesNotRestoreIsRejected() throws IOException {
        ScenarioException error = fails(write("target.yml", """
                name: target
                stores: [postgres]
                checks:
                  - name: traces
                    store: clickhouse
                    sql: SELECT count() FROM traces
                    expect: ">= 1"
                """));

        assertThat(error.getMessage()).contains(":5:12: field 'checks[0].store': the drill does not restore "
                + "'clickhouse' (stores: postgres)");
    }

    @Test
    void fieldOfAnotherStoreKindIsUnknownForThisCheck() throws IOException {
        ScenarioException error = fails(write("kind.yml", """
                name: kind
                stores: [postgres]
                checks:
                  - name: users
                    store: postgres
                    database: litellm
                    collection: users
                    expect: ">= 1"
                """));

        assertThat(error.getMessage()).contains(":7:5: field 'checks[0].collection': unknown field. "
                + "Known fields here: name, store, kind, severity, expect, database, sql.");
    }

    @Test
    void checkKindTheStoreDoesNotAcceptIsAScenarioErrorWithItsLine() throws IOException {
        ScenarioException error = fails(write("wrongkind.yml", """
                name: wrongkind
                stores: [postgres]
                checks:
                  - name: users
                    store: postgres
                    kind: s3-objects
                    bucket: langfuse
                    expect: ">= 1"
                """));

        assertThat(error.getMessage()).contains("wrongkind.yml:6:11: field 'checks[0].kind': expected a check kind "
                + "postgres accepts: one of sql");
    }

    @Test
    void unknownCheckKindIsAScenarioErrorNotACrash() throws IOException {
        ScenarioException error = fails(write("nokind.yml", """
                name: nokind
                stores: [clickhouse]
                checks:
                  - name: traces
                    store: clickhouse
                    kind: clickhouse
                    sql: SELECT count() FROM traces
                    expect: ">= 1"
                """));

        assertThat(error.getMessage()).contains("nokind.yml:6:11: field 'checks[0].kind'")
                .contains("one of clickhouse-sql");
    }

    @Test
    void aCheckNamingItsStoresKindReadsAsWithoutIt() throws IOException {
        DrillPlan plan = new ScenarioLoader(Map.of()).read(write("explicit.yml", """
                name: explicit
                stores: [minio]
                checks:
                  - name: blobs
                    store: minio
                    kind: s3-objects
                    bucket: langfuse
                    expect: ">= 1"
                """));

        assertThat(plan.checks()).singleElement().isInstanceOf(S3Check.class)
                .extracting(CheckPlan::kind).isEqualTo(dev.restoredrill.store.CheckKind.S3_OBJECTS);
    }

    @Test
    void duplicateCheckNamePointsAtBothLines() throws IOException {
        Path file = write("dup.yml", """
                name: dup
                stores: [mongodb]
                checks:
                  - name: chat users
                    store: mongodb
                    database: LibreChat
                    collection: users
                    expect: == backup
                  - name: Chat Users
                    store: mongodb
                    database: LibreChat
                    collection: users
                    expect: ">= 1"
                """);

        assertThat(fails(file).getMessage()).startsWith(file + ":9:11: field 'checks[1].name': duplicate check name "
                + "'Chat Users' (first used at line 4)");
    }

    @Test
    void literalPasswordIsRejectedWithoutEchoingIt() throws IOException {
        String secret = "Tr0ub4dor&3-horse";
        Path file = write("password.yml", """
                name: password
                stores: [mongodb]
                journey:
                  endpoint: LiteLLM
                  model: gpt-4o-mini
                  password: %s
                """.formatted(secret));

        ScenarioException error = fails(file);

        assertThat(error.getMessage()).startsWith(file + ":6:13: field 'journey.password': holds a literal secret")
                .contains("password_env: DRILL_USER_PASSWORD")
                .doesNotContain(secret);
    }

    @Test
    void credentialInAnEnvFieldIsRejectedWithoutEchoingIt() throws IOException {
        String secret = "hunter2!";
        ScenarioException error = fails(write("envvalue.yml", """
                name: envvalue
                stores: [mongodb]
                journey:
                  endpoint: LiteLLM
                  model: gpt-4o-mini
                  password_env: "%s"
                """.formatted(secret)));

        assertThat(error.getMessage()).contains(":6:17: field 'journey.password_env': expected the NAME of an "
                + "environment variable").doesNotContain(secret);
    }

    @Test
    void apiKeyAnywhereIsRejectedWithoutEchoingIt() throws IOException {
        String key = "sk-1234abcdEFGH5678";
        ScenarioException error = fails(write("apikey.yml", """
                name: apikey
                stores: [mongodb]
                journey:
                  endpoint: LiteLLM
                  model: gpt-4o-mini
                  prompt: "use %s for this"
                """.formatted(key)));

        assertThat(error.getMessage()).contains(":6:11: field 'journey.prompt': holds what looks like an API key")
                .doesNotContain(key).doesNotContain("1234abcd");
    }

    @Test
    void emptyFileSaysWhatAScenarioNeeds() throws IOException {
        Path file = write("empty.yml", "# nothing yet\n");

        assertThat(fails(file).getMessage()).isEqualTo(file + ":1:1: the scenario is empty; expected a mapping with "
                + "at least 'name' and 'stores' (see drill-scenarios/README.md).");
    }

    @Test
    void equalsBackupOnlyWhereTheBackupHasACount() throws IOException {
        ScenarioException error = fails(write("backupcount.yml", """
                name: backupcount
                stores: [postgres]
                checks:
                  - name: keys
                    store: postgres
                    database: litellm
                    sql: SELECT count(*) FROM "LiteLLM_VerificationToken"
                    expect: == backup
                """));

        assertThat(error.getMessage()).contains(":8:13: field 'checks[0].expect': '== backup' compares with the "
                + "backup's own count, which only mongo checks have");
    }

    @Test
    void checksMayOnlyRead() throws IOException {
        ScenarioException error = fails(write("write.yml", """
                name: write
                stores: [postgres]
                checks:
                  - name: cleanup
                    store: postgres
                    database: litellm
                    sql: SELECT 1; DELETE FROM "LiteLLM_SpendLogs"
                    expect: "== 1"
                """));

        assertThat(error.getMessage()).contains(":7:10: field 'checks[0].sql': expected one read-only query "
                + "starting with SELECT or WITH");
    }

    @Test
    void newestWithinOnMongoNeedsTheField() throws IOException {
        ScenarioException error = fails(write("nofield.yml", """
                name: nofield
                stores: [mongodb]
                checks:
                  - name: messages recent
                    store: mongodb
                    database: LibreChat
                    collection: messages
                    expect: newest within 26h of the backup date
                """));

        assertThat(error.getMessage()).contains(":4:5: field 'checks[0].field': missing; expected the field whose "
                + "newest value is measured");
    }

    @Test
    void duplicateKeyIsNotSilentlyOverwritten() throws IOException {
        ScenarioException error = fails(write("dupkey.yml", """
                name: dupkey
                stores:
                  - name: postgres
                    rpo: 24h
                    rpo: 7d
                """));

        assertThat(error.getMessage()).contains(":5:5: field 'stores[0].rpo': appears twice in the same mapping "
                + "(first at line 4); keep one.");
    }

    @Test
    void mongoFilterMustBeJson() throws IOException {
        ScenarioException error = fails(write("filter.yml", """
                name: filter
                stores: [mongodb]
                checks:
                  - name: admins
                    store: mongodb
                    database: LibreChat
                    collection: users
                    filter: "{role: ADMIN"
                    expect: ">= 1"
                """));

        assertThat(error.getMessage()).contains(":8:13: field 'checks[0].filter': expected a MongoDB query document "
                + "in JSON").contains("found '{role: ADMIN'");
    }

    @Test
    void loadAllReportsEveryBrokenFileAtOnce() throws IOException {
        write("a.yml", "name: a\nstores: [postgres]\n");
        write("b.yml", "name: b\nstores: [postgress]\n");
        write("c.yml", "name: c\nstores: [mongo]\n");

        assertThatThrownBy(() -> loader.readAll(dir))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("b.yml:2:10: field 'stores[0]'")
                .satisfies(error -> assertThat(error.getSuppressed()).singleElement()
                        .satisfies(other -> assertThat(other.getMessage())
                                .contains("c.yml:2:10: field 'stores[0]'").contains("Did you mean 'mongodb'?")));
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
