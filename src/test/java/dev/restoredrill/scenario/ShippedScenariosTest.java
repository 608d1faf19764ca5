package dev.restoredrill.scenario;

import dev.restoredrill.store.CheckKind;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scenarios shipped in drill-scenarios/ load, and say what the runbook says. */
class ShippedScenariosTest {

    private static final Path SCENARIOS = Path.of("drill-scenarios");
    private final ScenarioLoader loader = new ScenarioLoader(Map.of());

    @Test
    void quarterlyIsTheRunbooksFullDrill() {
        DrillPlan plan = loader.read(SCENARIOS.resolve("quarterly.yml"));

        assertThat(plan.name()).isEqualTo("quarterly");
        assertThat(plan.stores()).extracting(StorePlan::name)
                .containsExactly("postgres", "mongodb", "clickhouse", "minio");
        assertThat(plan.stores()).extracting(StorePlan::rpo)
                .containsExactly(Duration.ofHours(24), Duration.ofHours(24), Duration.ofDays(7), Duration.ofDays(7));
        assertThat(plan.stores()).extracting(store -> store.method().label())
                .containsExactly("logical-sql", "mongo-archive", "volume-snapshot", "volume-snapshot");
        assertThat(plan.stores()).extracting(StorePlan::filePattern)
                .containsExactly("pg_{date}.sql.gz", "mongo_{date}.gz", "clickhouse_{date}.tar.gz", "minio_{date}.tar.gz");
        assertThat(plan.stores()).extracting(StorePlan::volume)
                .containsExactly("postgres-data", "mongodb-data", "clickhouse-data", "minio-data");
        assertThat(plan.backups().directory()).isEqualTo("./backups");
        assertThat(plan.stack().composeFiles()).containsExactly("compose/platform.yml", "compose/drill.override.yml");

        JourneyPlan journey = plan.journey().orElseThrow();
        assertThat(journey.baseService()).isEqualTo("librechat");
        assertThat(journey.environmentVariables()).containsExactly("DRILL_USER_EMAIL", "DRILL_USER_PASSWORD");
        assertThat(journey.answerTimeout()).isEqualTo(Duration.ofSeconds(60));

        assertThat(plan.checks()).hasSize(19);
        assertThat(plan.checksFor("postgres")).extracting(CheckPlan::kind).containsExactly(CheckKind.SQL,
                CheckKind.SQL, CheckKind.SQL, CheckKind.SQL, CheckKind.SQL, CheckKind.PG_AMCHECK, CheckKind.PG_FULL_READ);
        assertThat(plan.checksFor("mongodb")).extracting(CheckPlan::kind).containsExactly(CheckKind.MONGO,
                CheckKind.MONGO, CheckKind.MONGO, CheckKind.MONGO, CheckKind.MONGO_VALIDATE);
        assertThat(plan.checksFor("clickhouse")).extracting(CheckPlan::kind).containsExactly(CheckKind.CLICKHOUSE_SQL,
                CheckKind.CLICKHOUSE_SQL, CheckKind.CLICKHOUSE_CHECK_TABLE, CheckKind.CLICKHOUSE_FULL_READ);
        assertThat(plan.checksFor("minio")).filteredOn(check -> check instanceof S3Check)
                .extracting(check -> ((S3Check) check).prefix()).containsExactly("events/", "media/");
        // every store's engine-native integrity checks are on by default, on every database
        assertThat(plan.checks()).filteredOn(check -> check.kind().integrity()).hasSize(6)
                .allSatisfy(check -> assertThat(((IntegrityCheck) check).databases()).isEmpty());
        assertThat(((IntegrityCheck) check(plan, "minio objects verified")).sample()).isEqualTo(1000);

        SqlCheck keys = (SqlCheck) check(plan, "gateway keys active");
        assertThat(keys.database()).isEqualTo("litellm");
        assertThat(keys.sql()).contains("\"LiteLLM_VerificationToken\"").contains("blocked IS NOT TRUE");
        assertThat(keys.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(keys.expectation()).isEqualTo(new Expectation.Compare(Expectation.Operator.AT_LEAST, 1));

        assertThat(check(plan, "gateway spend logs recent").expectation())
                .isEqualTo(new Expectation.FreshWithin(Duration.ofHours(26)));
        MongoCheck users = (MongoCheck) check(plan, "chat users");
        assertThat(users.namespace()).isEqualTo("LibreChat.users");
        assertThat(users.expectation()).isInstanceOf(Expectation.EqualsBackup.class);
        MongoCheck messages = (MongoCheck) check(plan, "messages recent");
        assertThat(messages.field()).contains("createdAt");

        ClickHouseCheck traces = (ClickHouseCheck) check(plan, "traces");
        assertThat(traces.database()).isEqualTo("default");
        assertThat(traces.sql()).isEqualTo("SELECT count() FROM traces FINAL WHERE is_deleted = 0");
        assertThat(check(plan, "trace schema not dirty").expectation().describe()).isEqualTo("== 0");
    }

    @Test
    void nightlyCriticalRestoresOnlyTheBusinessCriticalStores() {
        DrillPlan plan = loader.read(SCENARIOS.resolve("nightly-critical.yml"));

        assertThat(plan.stores()).extracting(StorePlan::name).containsExactly("postgres", "mongodb");
        assertThat(plan.stores()).extracting(StorePlan::rpo).containsOnly(Duration.ofHours(24));
        assertThat(plan.checks()).hasSize(9).extracting(CheckPlan::store).containsOnly("postgres", "mongodb");
        assertThat(plan.journey()).isPresent();
        assertThat(plan.journey().orElseThrow().passwordEnv()).isEqualTo("DRILL_USER_PASSWORD");
        assertThat(plan.stack().composeFiles()).isEqualTo(StackPlan.DEFAULT_COMPOSE_FILES);
    }

    @Test
    void postMigrationRunsCandidateImagesAndChecksSchemaVersions() {
        DrillPlan plan = loader.read(SCENARIOS.resolve("post-migration.yml"));

        assertThat(plan.stack().images()).containsKeys("librechat", "litellm", "langfuse-web", "clickhouse");
        assertThat(plan.stack().images().get("librechat")).startsWith("ghcr.io/danny-avila/librechat:");
        assertThat(plan.stack().startupTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(plan.checksFor("postgres")).extracting(check -> ((SqlCheck) check).sql())
                .filteredOn(sql -> sql.contains("_prisma_migrations")).hasSize(4);
        assertThat(check(plan, "trace schema not dirty").severity()).isEqualTo(Severity.BLOCKER);
        assertThat(plan.journey()).isPresent();
    }

    @Test
    void loadAllReadsEveryShippedScenario() {
        List<DrillPlan> plans = loader.readAll(SCENARIOS);

        assertThat(plans).extracting(DrillPlan::name)
                .containsExactly("nightly-critical", "post-migration", "quarterly");
    }

    @Test
    void commandLineOverridesWinOverTheFile() {
        ScenarioLoader overridden = new ScenarioLoader(Map.of("drill.backups", "/srv/nufi", "drill.reference", "true"));

        DrillPlan plan = overridden.read(SCENARIOS.resolve("quarterly.yml"));

        assertThat(plan.backups().directory()).isEqualTo("/srv/nufi");
        assertThat(plan.stack().composeFiles()).containsExactly("compose/platform.yml", "compose/drill.override.yml",
                "compose/reference.override.yml");
    }

    private static CheckPlan check(DrillPlan plan, String name) {
        return plan.checks().stream().filter(check -> check.name().equals(name)).findFirst().orElseThrow();
    }
}
