package dev.restoredrill.verify;

import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.scenario.CheckPlan;
import dev.restoredrill.scenario.ClickHouseCheck;
import dev.restoredrill.scenario.Expectation;
import dev.restoredrill.scenario.S3Check;
import dev.restoredrill.scenario.Severity;
import dev.restoredrill.scenario.SqlCheck;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Stores that do not answer (nothing listens on port 1): an ERROR saying what to do, never an exception. */
class CheckRunnerTest {

    private static final StoreConnections NOWHERE = new StoreConnections(
            new StoreConnections.Postgres("127.0.0.1", 1, "drill", "pg-secret-123"),
            new StoreConnections.Mongo("mongodb://drill:mongo-secret-456@127.0.0.1:1"),
            new StoreConnections.ClickHouse("http://127.0.0.1:1", "drill", "ch-secret-789"),
            new StoreConnections.S3("http://127.0.0.1:1", "drill", "s3-secret-000"));

    @Test
    void unreachableStoresAreErrorsThatSayWhatToDoWithoutSecrets() {
        CheckContext context = new CheckContext(NOWHERE, Map.of(), Map.of());
        Stream.<CheckPlan>of(
                new SqlCheck("keys", Severity.BLOCKER, "litellm", "SELECT 1", Expectation.parse(">= 1")),
                new ClickHouseCheck("traces", Severity.NORMAL, "default", "SELECT 1", Expectation.parse(">= 1")),
                new S3Check("events", Severity.NORMAL, "langfuse", "events/", Expectation.parse(">= 1"))
        ).forEach(check -> {
            CheckOutcome outcome = new CheckRunner().run(check, context);
            assertThat(outcome.verdict()).as(outcome.message()).isEqualTo(Verdict.ERROR);
            assertThat(outcome.message()).containsPattern("Could not (connect to|reach)")
                    .contains("127.0.0.1:1", "is running and healthy");
            assertThat(outcome.toString()).doesNotContain("pg-secret-123", "mongo-secret-456", "ch-secret-789",
                    "s3-secret-000");
            assertThat(outcome.expected()).isEqualTo(">= 1");
            assertThat(outcome.actual()).isEmpty();
        });
    }
}
