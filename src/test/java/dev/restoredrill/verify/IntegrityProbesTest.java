package dev.restoredrill.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.scenario.IntegrityCheck;
import dev.restoredrill.scenario.Severity;
import dev.restoredrill.store.CheckKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Integrity checks as check outcomes: the probe's status is the verdict (NOT_SUPPORTED is never a pass), and a
 * store that does not answer is an ERROR saying what to do, without secrets.
 */
class IntegrityProbesTest {

    private static final StoreConnections NOWHERE = new StoreConnections(
            new StoreConnections.Postgres("127.0.0.1", 1, "drill", "pg-secret-123"),
            new StoreConnections.Mongo("mongodb://drill:mongo-secret-456@127.0.0.1:1/?serverSelectionTimeoutMS=500"),
            new StoreConnections.ClickHouse("http://127.0.0.1:1", "drill", "ch-secret-789"),
            new StoreConnections.S3("http://127.0.0.1:1", "drill", "s3-secret-000"));

    @Test
    void theProbesStatusIsTheVerdictAndNotSupportedIsNotAPass() {
        assertThat(IntegrityProbes.verdict(IntegrityResult.Status.PASS)).isEqualTo(Verdict.PASS);
        assertThat(IntegrityProbes.verdict(IntegrityResult.Status.FAIL)).isEqualTo(Verdict.FAIL);
        assertThat(IntegrityProbes.verdict(IntegrityResult.Status.ERROR)).isEqualTo(Verdict.ERROR);
        Verdict unsupported = IntegrityProbes.verdict(IntegrityResult.Status.NOT_SUPPORTED);
        assertThat(unsupported).isEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(unsupported.passed()).isFalse();
        assertThat(unsupported.failed()).isFalse();
    }

    @Test
    void unreachableStoresAreErrorsThatSayWhatToDoWithoutSecrets() {
        CheckContext context = new CheckContext(NOWHERE, Map.of(), Map.of());
        for (CheckKind kind : List.of(CheckKind.PG_AMCHECK, CheckKind.PG_FULL_READ, CheckKind.CLICKHOUSE_CHECK_TABLE,
                CheckKind.CLICKHOUSE_FULL_READ, CheckKind.MONGO_VALIDATE)) {
            String store = kind.label().startsWith("pg") ? "postgres"
                    : kind.label().startsWith("clickhouse") ? "clickhouse" : "mongodb";
            IntegrityCheck check = new IntegrityCheck(kind.label(), store, kind, Severity.CRITICAL, List.of(),
                    IntegrityCheck.DEFAULT_SAMPLE);

            CheckOutcome outcome = new CheckRunner().run(check, context);

            assertThat(outcome.verdict()).as(outcome.message()).isEqualTo(Verdict.ERROR);
            assertThat(outcome.message()).as(kind.label()).contains("127.0.0.1:1").containsPattern(
                    "running and healthy|the drill's user is its superuser");
            assertThat(outcome.expected()).isEqualTo("no damage found");
            assertThat(outcome.query()).isEqualTo(IntegrityProbes.describe(check)).endsWith("every database");
            assertThat(outcome.toString()).doesNotContain("pg-secret-123", "mongo-secret-456", "ch-secret-789",
                    "s3-secret-000");
        }
    }

    @Test
    void s3VerifyWithoutTheBackupFileSaysWhy() {
        IntegrityCheck check = new IntegrityCheck("blobs", "minio", CheckKind.S3_VERIFY, Severity.NORMAL, List.of(),
                10);

        CheckOutcome outcome = new CheckRunner().run(check, new CheckContext(NOWHERE, Map.of(), Map.of()));

        assertThat(outcome.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(outcome.message()).contains("compares the restored objects with the backup tarball of minio");
        assertThat(outcome.query()).contains(S3ObjectVerification.PROBE, "a sample of about 10");
    }
}
