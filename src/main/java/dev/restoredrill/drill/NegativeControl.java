package dev.restoredrill.drill;

import dev.restoredrill.backup.BackupCatalog;
import dev.restoredrill.backup.ScanProgress;
import dev.restoredrill.backup.StoreResult;
import dev.restoredrill.restore.ParallelRestore;
import dev.restoredrill.restore.PostgresLogicalRestore;
import dev.restoredrill.restore.RestoreOutcome;
import dev.restoredrill.scenario.CheckPlan;
import dev.restoredrill.scenario.IntegrityCheck;
import dev.restoredrill.scenario.Severity;
import dev.restoredrill.scenario.StorePlan;
import dev.restoredrill.stack.DrillCredentials;
import dev.restoredrill.stack.DrillId;
import dev.restoredrill.stack.ServiceEndpoint;
import dev.restoredrill.stack.ThrowAwayStore;
import dev.restoredrill.store.CheckKind;
import dev.restoredrill.store.StoreType;
import dev.restoredrill.verify.CheckContext;
import dev.restoredrill.verify.CheckOutcome;
import dev.restoredrill.verify.CheckRunner;
import dev.restoredrill.verify.Completeness;
import dev.restoredrill.verify.StoreConnections;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The negative control: does the drill see damage? A damaged copy of one store's backup ({@link DamagedCopy},
 * written to a temp file; the real backup is only read) goes through the drill's own chain, in a store of its own
 * next to the drill's ({@link ThrowAwayStore}: the same image, labelled, removed afterwards): the catalog, the
 * restore, the completeness counts, then the store's integrity checks (the scenario's, else all of its kinds). The
 * first that catches the damage is named; if none does, the control fails the drill. Postgres only for now: its
 * logical restore loads into any running server, so the control needs no volume of the drill's.
 */
public final class NegativeControl {

    private static final Logger LOG = LoggerFactory.getLogger(NegativeControl.class);
    private static final ServiceEndpoint NOT_IN_CONTROL = new ServiceEndpoint("not-in-the-negative-control.invalid", 9);
    private static final Duration RESTORE_TIMEOUT = Duration.ofHours(1);

    private final StorePlan store;
    private final Path backup;
    private final Path work;
    private final String image;
    private final DrillId drill;
    private final DrillCredentials credentials;
    private final List<CheckPlan> integrityChecks;
    private final Duration startupTimeout;
    private final Clock clock;

    /**
     * @param integrityChecks the scenario's integrity checks of the store; empty: every integrity kind it has
     */
    public NegativeControl(StorePlan store, Path backup, Path work, String image, DrillId drill,
                           DrillCredentials credentials, List<CheckPlan> integrityChecks, Duration startupTimeout,
                           Clock clock) {
        if (store.type() != StoreType.POSTGRES) {
            throw new IllegalArgumentException(unsupported(store.name()));
        }
        this.store = store;
        this.backup = backup;
        this.work = work;
        this.image = image;
        this.drill = drill;
        this.credentials = credentials;
        this.integrityChecks = integrityChecks.isEmpty() ? everyIntegrityKind(store) : List.copyOf(integrityChecks);
        this.startupTimeout = startupTimeout;
        this.clock = clock;
    }

    /** Why a store cannot be the negative control's, for scenario and option errors. */
    public static String unsupported(String store) {
        return "the negative control damages a Postgres dump (rows written twice inside COPY blocks) and restores "
                + "it into a throw-away postgres; '" + store + "' is not supported yet. Use 'postgres'.";
    }

    public NegativeControlOutcome run(DamagedCopy.Damage damage) {
        long start = System.nanoTime();
        Path directory = work.resolve("negative-control");
        try {
            DamagedCopy copy = DamagedCopy.of(backup, directory, damage);
            LOG.info("negative control: {} backup copied to {}, damage: {}", store.name(), copy.file(), copy.damage());
            try {
                return judge(copy, start);
            } finally {
                Files.deleteIfExists(copy.file());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("negative control: the damaged copy of " + backup.getFileName()
                    + " could not be written in " + directory + ": " + e.getMessage(), e);
        }
    }

    private NegativeControlOutcome judge(DamagedCopy copy, long start) {
        StoreResult catalog = BackupCatalog.scan(copy.file().getParent(), List.of(store.backupSpec()), clock,
                ScanProgress.silent()).store(store.name()).orElseThrow();
        String problem = DrillRun.problemOf(catalog);
        if (problem != null) {
            return outcome(copy, "the backup catalog", problem, start);
        }
        String service = store.service() + "-negative-control";
        try (ThrowAwayStore throwAway = new ThrowAwayStore(drill, service, image, store.type().port(),
                Map.of("POSTGRES_USER", credentials.postgresUser(), "POSTGRES_PASSWORD", credentials.postgresPassword()),
                List.of("psql", "-X", "-q", "-U", credentials.postgresUser(), "-d", "postgres", "-c", "SELECT 1"),
                "negative-control")) {
            RestoreOutcome restore = new ParallelRestore(startupTimeout).run(throwAway,
                    List.of(new PostgresLogicalRestore(store.name(), service, copy.file(), credentials.postgresUser(),
                            RESTORE_TIMEOUT)), List.of()).outcomes().get(store.name());
            if (!restore.restored()) {
                return outcome(copy, "the restore", restore.failure().message(), start);
            }
            StoreConnections connections = StoreConnections.of(throwAway.endpoint(), NOT_IN_CONTROL, NOT_IN_CONTROL,
                    NOT_IN_CONTROL, credentials);
            CheckContext context = new CheckContext(connections, Map.of(), Map.of(), Map.of(),
                    Map.of(store.name(), copy.file()), Map.of());
            CheckRunner runner = new CheckRunner();
            List<CheckOutcome> counts = new Completeness(runner).run(store.type(), catalog.facts(), context);
            List<CheckOutcome> lost = counts.stream().filter(c -> !c.verdict().passed()).toList();
            if (!lost.isEmpty()) {
                return outcome(copy, "the completeness counts", lost.stream().map(CheckOutcome::message)
                        .collect(Collectors.joining(" ")), start);
            }
            StringBuilder passed = new StringBuilder("Restored, " + counts.size() + " counts equal the copy's");
            for (CheckPlan check : integrityChecks) {
                CheckOutcome outcome = runner.run(check, context);
                if (outcome.verdict().failed()) {
                    return outcome(copy, check.kind().label() + " '" + check.name() + "'", outcome.message(), start);
                }
                passed.append(", ").append(check.name()).append(' ').append(outcome.verdict());
            }
            return new NegativeControlOutcome(store.name(), copy.damage(), Optional.empty(), passed + ".",
                    elapsed(start));
        }
    }

    private NegativeControlOutcome outcome(DamagedCopy copy, String check, String said, long start) {
        LOG.info("negative control: detected by {}: {}", check, said);
        return new NegativeControlOutcome(store.name(), copy.damage(), Optional.of(check), check + " said: " + said,
                elapsed(start));
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static List<CheckPlan> everyIntegrityKind(StorePlan store) {
        return store.type().checkKinds().stream().filter(CheckKind::integrity)
                .<CheckPlan>map(kind -> new IntegrityCheck(kind.label(), store.name(), kind, Severity.CRITICAL,
                        List.of(), IntegrityCheck.DEFAULT_SAMPLE))
                .toList();
    }
}
