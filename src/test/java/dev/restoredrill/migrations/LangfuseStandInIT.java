package dev.restoredrill.migrations;

import dev.restoredrill.stack.PacedHealthcheckWait;
import dev.restoredrill.stack.ReferenceImages;
import dev.restoredrill.stack.DockerCli;
import dev.restoredrill.stack.DrillCredentials;
import dev.restoredrill.stack.ServiceEndpoint;
import dev.restoredrill.testsupport.RequiresDocker;
import dev.restoredrill.verify.StoreConnections;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema-ahead gotcha against the real reference stores (Postgres 15, ClickHouse 18.16) seeded as a Langfuse
 * 3.112.0 backup leaves them, and the Langfuse stand-in image on top: at the pinned version the web stand-in starts
 * healthy and changes nothing; one ClickHouse version ahead, the check names both versions and the stand-in refuses
 * to start with golang-migrate's own message, leaving the schema as it was.
 */
@RequiresDocker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LangfuseStandInIT {

    static final String OWNER_LABEL = "dev.restoredrill.owner";
    static final String PINNED = "3.112.0";
    static final String CANDIDATE = "3.120.0";

    private final DrillCredentials credentials = DrillCredentials.generate();
    private final Network network = Network.newNetwork();
    private final GenericContainer<?> postgres = store(ReferenceImages.POSTGRES, 5432, "postgres")
            .withEnv("POSTGRES_USER", credentials.postgresUser())
            .withEnv("POSTGRES_PASSWORD", credentials.postgresPassword());
    private final GenericContainer<?> clickhouse = store(ReferenceImages.CLICKHOUSE, 8123, "clickhouse")
            .withEnv("CLICKHOUSE_USER", credentials.clickhouseUser())
            .withEnv("CLICKHOUSE_PASSWORD", credentials.clickhousePassword());
    private final MigrationRelease pinned = PinnedMigrations.project().load(PINNED);
    private StoreConnections stores;

    private GenericContainer<?> store(String image, int port, String alias) {
        return new GenericContainer<>(DockerImageName.parse(image))
                .withExposedPorts(port)
                .withNetwork(network)
                .withNetworkAliases(alias)
                .withLabel(OWNER_LABEL, "langfuse-standin-it")
                .waitingFor(new PacedHealthcheckWait().withStartupTimeout(Duration.ofMinutes(3)));
    }

    @BeforeAll
    void startStores() {
        Startables.deepStart(Stream.of(postgres, clickhouse)).join();
        ServiceEndpoint none = new ServiceEndpoint("not-in-this-test.invalid", 9);
        stores = StoreConnections.of(new ServiceEndpoint(postgres.getHost(), postgres.getMappedPort(5432)), none,
                new ServiceEndpoint(clickhouse.getHost(), clickhouse.getMappedPort(8123)), none, credentials);
    }

    @AfterAll
    void stopStores() {
        Stream.of(postgres, clickhouse).forEach(GenericContainer::stop);
        network.close();
    }

    /**
     * The stores as a generated Langfuse 3.112.0 backup restores them: the generator's schema (its own resources)
     * and every migration of the release recorded, with golang-migrate's and Prisma's bookkeeping.
     */
    @BeforeEach
    void seedAsPinnedRelease() throws Exception {
        try (Connection admin = DriverManager.getConnection(stores.postgres().jdbcUrl("postgres"),
                credentials.postgresUser(), credentials.postgresPassword());
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS langfuse");
            statement.execute("CREATE DATABASE langfuse");
        }
        try (Connection langfuse = langfuse(); Statement statement = langfuse.createStatement()) {
            statement.execute(resource("langfuse-schema.sql"));
            try (PreparedStatement insert = langfuse.prepareStatement("INSERT INTO _prisma_migrations (id, checksum, "
                    + "finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, now(), ?, now(), 1)")) {
                for (PrismaMigration migration : pinned.prisma()) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, migration.checksum().orElseThrow());
                    insert.setString(3, migration.name());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        for (String table : List.of("schema_migrations", "traces", "observations", "scores")) {
            clickhouse("DROP TABLE IF EXISTS " + table);
        }
        for (String statement : resource("clickhouse-schema.sql").replaceAll("(?m)^--.*\\n", "").split("(?m)^;\\s*$")) {
            if (!statement.isBlank()) {
                clickhouse(statement);
            }
        }
        recordClickHouse(pinned.clickhouse().stream().map(ClickHouseMigration::version).toList());
    }

    private static String resource(String name) throws Exception {
        try (var in = LangfuseStandInIT.class.getResourceAsStream("/dev/restoredrill/generate/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void atThePinnedReleaseTheWebStandInStartsHealthyAndChangesNothing() throws Exception {
        RecordedMigrations before = new RecordedMigrationsReader(stores).read(List.of("langfuse"));
        assertThat(before.clickhouse()).get().extracting(RecordedMigrations.ClickHouseState::version,
                RecordedMigrations.ClickHouseState::dirty).containsExactly(26L, false);
        assertThat(SchemaAheadCheck.clickhouse(before.clickhouse(), pinned, "stand-in").ok()).isTrue();
        assertThat(SchemaAheadCheck.prisma(Optional.of(before.prisma().get("langfuse")), "langfuse", pinned,
                "stand-in").pending()).isEmpty();

        StandIn web = StandIn.start(LangfuseImage.standIn(PINNED), "web", env(), network);
        try {
            web.awaitHealthy(Duration.ofMinutes(4));
            assertThat(web.http(3000, "/api/public/health")).contains("\"status\":\"OK\"").contains(PINNED);
            assertThat(web.logs()).contains("No pending migrations to apply.").contains("no change");
        } finally {
            web.remove();
        }
        RecordedMigrations after = new RecordedMigrationsReader(stores).read(List.of("langfuse"));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aClickHouseSchemaOneVersionAheadFailsWithBothVersionsNamed() throws Exception {
        recordClickHouse(List.of(27L)); // what Langfuse 3.113.0's first extra migration would leave

        RecordedMigrations recorded = new RecordedMigrationsReader(stores).read(List.of("langfuse"));
        StoreMigrations check = SchemaAheadCheck.clickhouse(recorded.clickhouse(), pinned,
                LangfuseImage.standIn(PINNED));
        assertThat(check.problem()).get().asString().contains("records version 27")
                .contains("only up to version 26 (0026_add_trace_id_index)")
                .contains("Restore into images at least as new as the backup");

        StandIn web = StandIn.start(LangfuseImage.standIn(PINNED), "web", env(), network);
        try {
            assertThat(web.awaitExit(Duration.ofMinutes(4))).isEqualTo(1);
            assertThat(web.logs()).contains("error: no migration found for version 27")
                    .contains("Applying clickhouse migrations failed");
        } finally {
            web.remove();
        }
        assertThat(new RecordedMigrationsReader(stores).read(List.of("langfuse"))).isEqualTo(recorded);
    }

    /** The post-migration drill's candidate: Langfuse 3.120.0 over the 3.112.0 stores applies what it ships more. */
    @Test
    void theCandidateAppliesItsPendingMigrationsWithTheRealBookkeeping() throws Exception {
        MigrationRelease candidate = PinnedMigrations.project().load(CANDIDATE);
        RecordedMigrations before = new RecordedMigrationsReader(stores).read(List.of("langfuse"));
        StoreMigrations pending = SchemaAheadCheck.clickhouse(before.clickhouse(), candidate, "candidate");
        assertThat(pending.pending()).containsExactly("0027_drop_project_environments_mvs",
                "0028_drop_traces_null_mvs", "0029_drop_traces_null_and_amt_tables",
                "0030_add_eval_execution_trace_id_to_scores");

        StandIn web = StandIn.start(LangfuseImage.standIn(CANDIDATE), "web", env(), network);
        try {
            web.awaitHealthy(Duration.ofMinutes(4));
            assertThat(web.logs()).contains("30/u add_eval_execution_trace_id_to_scores")
                    .contains("Applying migration `20251014161635_job_executions_add_execution_trace_id`")
                    .contains("All migrations have been successfully applied.");
        } finally {
            web.remove();
        }
        RecordedMigrations after = new RecordedMigrationsReader(stores).read(List.of("langfuse"));
        AppliedMigrations clickhouseApplied = AppliedMigrations.clickhouse(before.clickhouse(), after.clickhouse(),
                candidate, "candidate");
        assertThat(clickhouseApplied.problem()).isEmpty();
        assertThat(clickhouseApplied.applied()).isEqualTo(pending.pending());
        assertThat(after.clickhouse()).get().extracting(RecordedMigrations.ClickHouseState::version,
                RecordedMigrations.ClickHouseState::dirty, RecordedMigrations.ClickHouseState::rows)
                .containsExactly(30L, false, 60L); // each migration: a dirty row, then a clean one
        assertThat(clickhouse("SELECT name FROM system.columns WHERE database = 'default' AND table = 'scores' "
                + "AND name = 'execution_trace_id'").strip()).isEqualTo("execution_trace_id");

        AppliedMigrations prismaApplied = AppliedMigrations.prisma("langfuse",
                Optional.ofNullable(before.prisma().get("langfuse")), Optional.ofNullable(after.prisma().get("langfuse")),
                "candidate");
        assertThat(prismaApplied.problem()).isEmpty();
        assertThat(prismaApplied.applied()).hasSize(8).last()
                .isEqualTo("20251014161635_job_executions_add_execution_trace_id");
        try (Connection langfuse = langfuse(); Statement statement = langfuse.createStatement();
             var rows = statement.executeQuery("SELECT checksum, applied_steps_count, finished_at >= started_at, "
                     + "logs IS NULL FROM _prisma_migrations WHERE migration_name = "
                     + "'20250925133604_organizations_add_ai_features_enabled'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo(candidate.prisma().stream().filter(m -> m.name()
                    .equals("20250925133604_organizations_add_ai_features_enabled")).findFirst().orElseThrow()
                    .checksum().orElseThrow());
            assertThat(rows.getInt(2)).isEqualTo(1);
            assertThat(rows.getBoolean(3)).isTrue();
            assertThat(rows.getBoolean(4)).isTrue();
        }
        try (Connection langfuse = langfuse(); Statement statement = langfuse.createStatement();
             var rows = statement.executeQuery("SELECT count(*) FROM information_schema.columns WHERE table_name = "
                     + "'organizations' AND column_name = 'ai_features_enabled'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    /** The failing-candidate variant: a ClickHouse migration fails half-way and leaves golang-migrate's dirty row. */
    @Test
    void aCandidateWhoseClickHouseMigrationFailsLeavesItDirtyAndIsNamed() throws Exception {
        MigrationRelease candidate = PinnedMigrations.project().load(CANDIDATE);
        RecordedMigrations before = new RecordedMigrationsReader(stores).read(List.of("langfuse"));
        List<String> failing = new ArrayList<>(env());
        failing.add("LANGFUSE_STANDIN_FAIL_MIGRATION=0029_drop_traces_null_and_amt_tables");
        StandIn web = StandIn.start(LangfuseImage.standIn(CANDIDATE), "web", failing, network);
        try {
            assertThat(web.awaitExit(Duration.ofMinutes(4))).isEqualTo(1);
            assertThat(web.logs()).contains("error: migration failed").contains("0029_drop_traces_null_and_amt_tables");
        } finally {
            web.remove();
        }
        RecordedMigrations after = new RecordedMigrationsReader(stores).read(List.of("langfuse"));
        assertThat(after.clickhouse()).get().extracting(RecordedMigrations.ClickHouseState::version,
                RecordedMigrations.ClickHouseState::dirty).containsExactly(29L, true);
        AppliedMigrations applied = AppliedMigrations.clickhouse(before.clickhouse(), after.clickhouse(), candidate,
                LangfuseImage.standIn(CANDIDATE));
        assertThat(applied.applied()).containsExactly("0027_drop_project_environments_mvs", "0028_drop_traces_null_mvs");
        assertThat(applied.problem()).get().asString().contains("0029_drop_traces_null_and_amt_tables")
                .contains("dirty at version 29").contains("Do not roll out this candidate");
    }

    /** The failing-candidate variant on the Prisma side: the started row keeps no finished_at, Prisma's P3018. */
    @Test
    void aCandidateWhosePrismaMigrationFailsLeavesAnUnfinishedRowAndIsNamed() throws Exception {
        RecordedMigrations before = new RecordedMigrationsReader(stores).read(List.of("langfuse"));
        List<String> failing = new ArrayList<>(env());
        failing.add("LANGFUSE_STANDIN_FAIL_MIGRATION=20251006173445_add_cloud_spend_alerts");
        StandIn web = StandIn.start(LangfuseImage.standIn(CANDIDATE), "web", failing, network);
        try {
            assertThat(web.awaitExit(Duration.ofMinutes(4))).isEqualTo(1);
            assertThat(web.logs()).contains("P3018").contains("Migration name: 20251006173445_add_cloud_spend_alerts");
        } finally {
            web.remove();
        }
        RecordedMigrations after = new RecordedMigrationsReader(stores).read(List.of("langfuse"));
        assertThat(after.prisma().get("langfuse").failed()).containsExactly("20251006173445_add_cloud_spend_alerts");
        AppliedMigrations applied = AppliedMigrations.prisma("langfuse", Optional.of(before.prisma().get("langfuse")),
                Optional.of(after.prisma().get("langfuse")), LangfuseImage.standIn(CANDIDATE));
        assertThat(applied.applied()).hasSize(4);
        assertThat(applied.problem()).get().asString().contains("20251006173445_add_cloud_spend_alerts")
                .contains("without finished_at");
        // And golang-migrate never ran: the real entrypoint stops at the failed Prisma step.
        assertThat(after.clickhouse()).isEqualTo(before.clickhouse());
    }

    @Test
    void theStandInImageListsThePinnedMigrationsWhereTheRealImageKeepsThem() {
        MigrationRelease fromImage = ImageMigrations.read(LangfuseImage.standIn(PINNED));
        assertThat(fromImage.clickhouse()).isEqualTo(pinned.clickhouse());
        assertThat(fromImage.prismaNames()).isEqualTo(pinned.prismaNames());
    }

    List<String> env() {
        return List.of("DATABASE_URL=postgresql://" + credentials.postgresUser() + ":" + credentials.postgresPassword()
                        + "@postgres:5432/langfuse",
                "CLICKHOUSE_URL=http://clickhouse:8123", "CLICKHOUSE_MIGRATION_URL=clickhouse://clickhouse:9000",
                "CLICKHOUSE_USER=" + credentials.clickhouseUser(),
                "CLICKHOUSE_PASSWORD=" + credentials.clickhousePassword());
    }

    private void recordClickHouse(List<Long> versions) throws Exception {
        StringBuilder rows = new StringBuilder();
        long sequence = System.currentTimeMillis() * 1_000_000L;
        for (long version : versions) {
            rows.append(version).append("\t1\t").append(sequence += 1_000).append('\n');
            rows.append(version).append("\t0\t").append(sequence += 1_000).append('\n');
        }
        clickhouse("INSERT INTO schema_migrations FORMAT TabSeparated\n" + rows);
    }

    String clickhouse(String sql) throws Exception {
        String auth = Base64.getEncoder().encodeToString((credentials.clickhouseUser() + ":"
                + credentials.clickhousePassword()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        stores.clickhouse().baseUrl() + "/?database=" + URLEncoder.encode("default", StandardCharsets.UTF_8)))
                .header("Authorization", "Basic " + auth)
                .POST(HttpRequest.BodyPublishers.ofString(sql)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    Connection langfuse() throws Exception {
        return DriverManager.getConnection(stores.postgres().jdbcUrl("langfuse"), credentials.postgresUser(),
                credentials.postgresPassword());
    }

    /** A stand-in container run with the docker CLI, so its exit code and log stay readable after it stops. */
    record StandIn(String name) {

        static StandIn start(String image, String role, List<String> env, Network network) {
            String name = "langfuse-standin-it-" + UUID.randomUUID().toString().substring(0, 8);
            List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name, "--label",
                    OWNER_LABEL + "=langfuse-standin-it", "--network", network.getId(), "-e",
                    "LANGFUSE_STANDIN_ROLE=" + role));
            env.forEach(e -> args.addAll(List.of("-e", e)));
            args.add(image);
            DockerCli.Result result = DockerCli.run(Duration.ofMinutes(1), java.util.Map.of(), args);
            assertThat(result.ok()).as(result.stderr()).isTrue();
            return new StandIn(name);
        }

        void awaitHealthy(Duration timeout) {
            Awaitility.await(name + " healthy").atMost(timeout).pollInterval(Duration.ofSeconds(1)).until(() -> {
                String state = DockerCli.require(Duration.ofSeconds(30), "inspect", "--format",
                        "{{.State.Status}} {{.State.Health.Status}}", name).strip();
                assertThat(state).as(logs()).doesNotStartWith("exited");
                return state.equals("running healthy");
            });
        }

        int awaitExit(Duration timeout) {
            try {
                Awaitility.await(name + " exited").atMost(timeout).pollInterval(Duration.ofSeconds(1))
                        .until(() -> DockerCli.require(Duration.ofSeconds(30), "inspect", "--format",
                                "{{.State.Status}}", name).strip().equals("exited"));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError(name + " did not exit within " + timeout + "; its log:\n" + logs(), e);
            }
            return Integer.parseInt(DockerCli.require(Duration.ofSeconds(30), "inspect", "--format",
                    "{{.State.ExitCode}}", name).strip());
        }

        String http(int port, String path) {
            return DockerCli.require(Duration.ofSeconds(30), "exec", name, "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/"
                    + port + "; printf 'GET " + path + " HTTP/1.0\\r\\n\\r\\n' >&3; cat <&3");
        }

        String logs() {
            DockerCli.Result result = DockerCli.run(Duration.ofSeconds(30), "logs", name);
            return result.stdout() + result.stderr();
        }

        void remove() {
            DockerCli.run(Duration.ofSeconds(30), "rm", "-f", name);
        }
    }
}
