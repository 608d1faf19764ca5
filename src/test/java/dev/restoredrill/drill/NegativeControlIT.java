package dev.restoredrill.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restoredrill.backup.BackupCatalog;
import dev.restoredrill.backup.ScanProgress;
import dev.restoredrill.backup.StoreResult;
import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.restore.ParallelRestore;
import dev.restoredrill.restore.PostgresLogicalRestore;
import dev.restoredrill.restore.RestoreOutcome;
import dev.restoredrill.scenario.IntegrityCheck;
import dev.restoredrill.scenario.Severity;
import dev.restoredrill.scenario.StorePlan;
import dev.restoredrill.stack.DockerCli;
import dev.restoredrill.stack.DrillCredentials;
import dev.restoredrill.stack.DrillId;
import dev.restoredrill.stack.DrillLabels;
import dev.restoredrill.stack.ReferenceImages;
import dev.restoredrill.stack.ServiceEndpoint;
import dev.restoredrill.stack.ThrowAwayStore;
import dev.restoredrill.store.CheckKind;
import dev.restoredrill.store.StoreType;
import dev.restoredrill.testsupport.RequiresDocker;
import dev.restoredrill.verify.CheckContext;
import dev.restoredrill.verify.CheckOutcome;
import dev.restoredrill.verify.CheckRunner;
import dev.restoredrill.verify.Completeness;
import dev.restoredrill.verify.StoreConnections;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drill's checks against damage, on a real {@code pg_dumpall} of a real Postgres 15 (the reference image),
 * restored by the drill's own engine into throw-away stores:
 * <ul>
 * <li>a restore that is complete (every count equals the backup) but whose B-tree index has a page zeroed on disk
 * (as a torn write leaves it) fails the {@code pg-amcheck} check, which names the index, while the counts
 * still pass;</li>
 * <li>the negative control catches a damaged copy of the backup, and names the check that did;</li>
 * <li>with the damage turned off, the control is reported as not detected and is a failure of the drill.</li>
 * </ul>
 */
@RequiresDocker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NegativeControlIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(8);
    private static final ServiceEndpoint NOWHERE = new ServiceEndpoint("nowhere.invalid", 9);

    @TempDir
    static Path temp;

    private final DrillCredentials credentials = DrillCredentials.generate();
    private final DrillId drill = new DrillId("drill-" + LocalDate.now(ZoneOffset.UTC).toString().replace("-", "")
            + "-" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36));
    private Path backups;
    private Path backup;
    private String backupSha256;

    /** The backup: {@code pg_dumpall | gzip} of a server holding a shop with a primary key and a second index. */
    @BeforeAll
    void takeABackup() throws Exception {
        backups = Files.createDirectories(temp.resolve("backups"));
        backup = backups.resolve("pg_" + LocalDate.now(ZoneOffset.UTC) + ".sql.gz");
        // the platform's server has its own superuser, as in production: the dump creates that role, not the drill's
        try (ThrowAwayStore source = postgres("postgres-source", "platform")) {
            source.start();
            source.awaitHealthy("postgres-source", TIMEOUT);
            psql(source, "postgres-source", "platform", "postgres", "CREATE DATABASE shop");
            psql(source, "postgres-source", "platform", "shop", "CREATE TABLE public.orders (id int PRIMARY KEY, item text NOT NULL);"
                    + " INSERT INTO public.orders SELECT i, 'item-' || i FROM generate_series(1, 20000) i;"
                    + " CREATE INDEX orders_item_idx ON public.orders (item);");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(backup))) {
                ByteArrayOutputStream errors = new ByteArrayOutputStream();
                int exit = source.exec("postgres-source", List.of("pg_dumpall", "-U", "platform"),
                        null, out, errors, TIMEOUT);
                assertThat(exit).as(errors.toString(StandardCharsets.UTF_8)).isZero();
            }
        }
        backupSha256 = sha256(backup);
    }

    @AfterAll
    void backupUnchanged() throws Exception {
        assertThat(sha256(backup)).as("the negative control never modifies the real backup").isEqualTo(backupSha256);
        assertThat(DockerCli.require(Duration.ofSeconds(30), "ps", "-aq", "--filter",
                "label=" + DrillLabels.DRILL + "=" + drill.value())).as("throw-away stores removed").isBlank();
    }

    @Test
    void aCompleteRestoreWithADamagedIndexFailsAmcheckNamingTheIndexWhileTheCountsPass() throws Exception {
        StoreResult catalog = catalog(backups);
        try (ThrowAwayStore target = postgres("postgres-target", credentials.postgresUser())) {
            RestoreOutcome restore = new ParallelRestore(TIMEOUT).run(target, List.of(new PostgresLogicalRestore(
                    "postgres", "postgres-target", backup, credentials.postgresUser(), TIMEOUT)), List.of())
                    .outcomes().get("postgres");
            assertThat(restore.restored()).as(restore.logTail()).isTrue();
            IntegrityCheck amcheck = new IntegrityCheck("postgres amcheck", "postgres", CheckKind.PG_AMCHECK,
                    Severity.CRITICAL, List.of(), IntegrityCheck.DEFAULT_SAMPLE);
            IntegrityCheck fullRead = new IntegrityCheck("postgres full read", "postgres", CheckKind.PG_FULL_READ,
                    Severity.CRITICAL, List.of("shop"), IntegrityCheck.DEFAULT_SAMPLE);
            CheckRunner runner = new CheckRunner();

            CheckOutcome sound = runner.run(amcheck, context(target));
            assertThat(sound.verdict()).as(sound.message()).isEqualTo(Verdict.PASS);
            assertThat(sound.actual()).matches("\\d databases, \\d+ B-tree indexes checked, 0 indexes skipped in"
                    + " [0-9.]+ s");

            // A leaf page of the primary key's index zeroed on disk while the server is down, as a torn write
            // or a bad block leaves it; the heap is untouched.
            String file = psql(target, "postgres-target", credentials.postgresUser(), "shop",
                    "SELECT current_setting('data_directory') || '/' || pg_relation_filepath('public.orders_pkey')")
                    .strip();
            // A clean shutdown (its checkpoint written), however long a loaded host takes: after docker stop's default
            // 10 s a SIGKILL would leave crash recovery to meet the zeroed page.
            DockerCli.require(TIMEOUT, "stop", "--time", "300", target.containerId());
            DockerCli.require(TIMEOUT, "run", "--rm", "--label", DrillLabels.DRILL + "=" + drill.value(),
                    "--volumes-from", target.containerId(), ReferenceImages.TINY,
                    "dd", "if=/dev/zero", "of=" + file, "bs=8192", "seek=1", "count=1", "conv=notrunc");
            DockerCli.require(TIMEOUT, "start", target.containerId());
            target.awaitHealthy("postgres-target", TIMEOUT);

            List<CheckOutcome> counts = new Completeness(runner).run(StoreType.POSTGRES, catalog.facts(),
                    context(target));
            CheckOutcome damaged = runner.run(amcheck, context(target));
            CheckOutcome read = runner.run(fullRead, context(target));

            assertThat(counts).isNotEmpty().allSatisfy(c -> assertThat(c.verdict()).as(c.message())
                    .isEqualTo(Verdict.PASS));
            assertThat(counts).anySatisfy(c -> assertThat(c.name()).contains("orders"));
            assertThat(damaged.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(damaged.message()).contains("database \"shop\": index public.orders_pkey on table "
                    + "public.orders is corrupt:", "zero page");
            assertThat(damaged.message()).doesNotContain("orders_item_idx");
            assertThat(read.verdict()).as("a full read of the heap does not see the index").isEqualTo(Verdict.PASS);
            assertThat(read.actual()).contains("20,000 rows read");
        }
    }

    @Test
    void theNegativeControlIsCaughtByTheDrillsChecksAndNamesTheCheck() {
        NegativeControlOutcome outcome = control().run(DamagedCopy.Damage.DUPLICATED_ROWS);

        assertThat(outcome.detected()).as(outcome.message()).isTrue();
        assertThat(outcome.verdict()).isEqualTo(Verdict.PASS);
        assertThat(outcome.failure()).isEmpty();
        // the dump adds the primary key after the data: the duplicated row stops psql there
        assertThat(outcome.headline()).isEqualTo("negative control: detected by the restore");
        assertThat(outcome.damage()).isEqualTo("the first row of 1 tables' COPY blocks written twice");
        assertThat(outcome.detail()).contains("could not create unique index \"orders_pkey\"");
        assertThat(outcome.message()).doesNotContain(credentials.postgresPassword());
    }

    @Test
    void withTheDamageTurnedOffTheControlIsNotDetectedAndFailsTheDrill() {
        NegativeControlOutcome outcome = control().run(DamagedCopy.Damage.NONE);

        assertThat(outcome.detected()).as(outcome.message()).isFalse();
        assertThat(outcome.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(outcome.headline()).isEqualTo("negative control: NOT detected");
        assertThat(outcome.detail()).contains("Restored", "counts equal the copy's", "pg-amcheck PASS",
                "pg-full-read PASS");
        assertThat(outcome.failure()).hasValueSatisfying(failure -> assertThat(failure.message())
                .startsWith("Check failure: negative control: a deliberately damaged copy of the postgres backup")
                .contains("the checks cannot be trusted"));
    }

    private NegativeControl control() {
        return new NegativeControl(StorePlan.defaultsFor(StoreType.POSTGRES), backup, temp.resolve("work"),
                ReferenceImages.POSTGRES, drill, credentials, List.of(), TIMEOUT, Clock.systemUTC());
    }

    private ThrowAwayStore postgres(String service, String user) {
        return new ThrowAwayStore(drill, service, ReferenceImages.POSTGRES, 5432,
                Map.of("POSTGRES_USER", user, "POSTGRES_PASSWORD", credentials.postgresPassword()),
                List.of("psql", "-X", "-q", "-U", user, "-d", "postgres", "-c", "SELECT 1"), "NegativeControlIT");
    }

    private String psql(ThrowAwayStore store, String service, String user, String database, String sql) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = store.exec(service, List.of("psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-U",
                user, "-d", database, "-c", sql), null, out, errors, TIMEOUT);
        assertThat(exit).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private CheckContext context(ThrowAwayStore store) {
        return new CheckContext(StoreConnections.of(store.endpoint(), NOWHERE, NOWHERE, NOWHERE, credentials),
                Map.of(), Map.of());
    }

    private static StoreResult catalog(Path directory) {
        return BackupCatalog.scan(directory, List.of(StoreType.POSTGRES.backupSpec()), Clock.systemUTC(),
                ScanProgress.silent()).store("postgres").orElseThrow();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
