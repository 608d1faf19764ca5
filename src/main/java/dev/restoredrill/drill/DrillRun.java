package dev.restoredrill.drill;

import dev.restoredrill.backup.BackupCatalog;
import dev.restoredrill.backup.BackupManifest;
import dev.restoredrill.backup.BackupPick;
import dev.restoredrill.backup.FormatFacts;
import dev.restoredrill.backup.MongoArchiveFacts;
import dev.restoredrill.backup.ScanProgress;
import dev.restoredrill.backup.StoreResult;
import dev.restoredrill.concurrent.ConcurrentWork;
import dev.restoredrill.concurrent.DaemonThreads;
import dev.restoredrill.evidence.IsolationEvidence;
import dev.restoredrill.evidence.PhaseThroughput;
import dev.restoredrill.backup.TarFacts;
import dev.restoredrill.evidence.CrossStoreSkew;
import dev.restoredrill.outcome.Failure;
import dev.restoredrill.outcome.FailureCategory;
import dev.restoredrill.store.StoreType;
import dev.restoredrill.verify.StoreConnections;
import dev.restoredrill.migrations.PinnedMigrations;
import dev.restoredrill.restore.ParallelRestore;
import dev.restoredrill.restore.RestoreEngine;
import dev.restoredrill.restore.RestoreOutcome;
import dev.restoredrill.scenario.CheckPlan;
import dev.restoredrill.scenario.DrillPlan;
import dev.restoredrill.scenario.JourneyPlan;
import dev.restoredrill.scenario.ScenarioLoader;
import dev.restoredrill.scenario.StorePlan;
import dev.restoredrill.stack.DrillCredentials;
import dev.restoredrill.stack.DockerEngine;
import dev.restoredrill.stack.DrillStack;
import dev.restoredrill.stack.DockerUnavailableException;
import dev.restoredrill.stack.DrillHost;
import dev.restoredrill.stack.EgressGateway;
import dev.restoredrill.stack.EgressProbe;
import dev.restoredrill.stack.IsolationInspector;
import dev.restoredrill.stack.NetworkIsolation;
import dev.restoredrill.stack.ReferenceImages;
import dev.restoredrill.stack.LeftoverReaper;
import dev.restoredrill.stack.ServiceEndpoint;
import dev.restoredrill.stack.StackDefinition;
import dev.restoredrill.verify.CheckContext;
import dev.restoredrill.verify.CheckOutcome;
import dev.restoredrill.verify.CheckRunner;
import dev.restoredrill.verify.Completeness;
import dev.restoredrill.verify.DrillAccount;
import dev.restoredrill.verify.JourneyOutcome;
import dev.restoredrill.verify.AppJourney;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One drill, phase by phase: catalog, stack and restores, completeness, checks, journey. Each phase runs once,
 * on first use, so the drill's tests can ask for any result in any order; a phase that cannot run (its store
 * did not restore) says why instead of failing somewhere else.
 */
public final class DrillRun implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DrillRun.class);
    private static final ServiceEndpoint NOT_IN_DRILL = new ServiceEndpoint("not-in-this-drill.invalid", 9);

    private final DrillOptions options;
    private volatile int slots;
    private final DrillPlan plan;
    private final ImageMode images;
    private final DrillBackups backups;
    private final Clock clock;
    private final Instant start;
    private final DrillCredentials credentials = DrillCredentials.generate();
    private final CheckRunner checks = new CheckRunner();
    /** The catalog's scans and the after-drill re-hashes as they finish: the throughput evidence. */
    private final ScanThroughput scans = new ScanThroughput(ScanProgress.logging());
    private final ScanThroughput rehashes = new ScanThroughput(ScanProgress.silent());

    private BackupManifest manifest;
    private DrillStack stack;
    private RuntimeException stackFailure;
    private ParallelRestore.Result restores;
    private StoreConnections connections;
    private final Map<String, List<CheckOutcome>> completeness = new HashMap<>();
    private final Map<String, CheckOutcome> checkOutcomes = new LinkedHashMap<>();
    private JourneyOutcome journey;
    private volatile ConversationReadAhead conversationAhead;
    private NegativeControlOutcome negativeControl;
    /** Errors of the drill's own code, per phase and subject: each is a failure of that phase in the evidence. */
    private final Map<PhaseSubject, Failure> drillErrors = new LinkedHashMap<>();
    private FaultHook faults = (phase, subject) -> { };
    private List<String> stackImages = List.of();
    private List<String> bindMounts = List.of();
    private PlatformOutcome platform;
    /** Ties the journey's answer to this drill's own model service (issue 12). */
    private final String modelNonce = ModelService.newNonce();
    private IsolationEvidence isolation;
    private ModelProof modelProof;

    /** What the drill is doing (or last did), for the record of an interruption; read without the lock. */
    private volatile String activity = "while preparing the drill";
    private volatile Failure interruption;
    private volatile Path reportFolder;

    private DrillRun(DrillOptions options, DrillPlan plan, ImageMode images, DrillBackups backups, Clock clock) {
        this.options = options;
        this.plan = plan;
        this.images = images;
        this.backups = backups;
        this.clock = clock;
        this.start = clock.instant();
    }

    /** Loads and validates the scenario (a bad one fails here, before anything starts) and finds the backups. */
    public static DrillRun prepare(DrillOptions options, Clock clock) {
        // Before anything touches Testcontainers (a demo set's generator does): one drill host for all.
        DrillHost.current().applyToTestcontainers();
        ImageMode images = ImageMode.resolve(options.images(), Path.of("compose/platform.yml"));
        Map<String, String> overrides = new HashMap<>();
        overrides.put("drill.reference", String.valueOf(images == ImageMode.REFERENCE));
        options.backups().ifPresent(dir -> overrides.put("drill.backups", dir.toString()));
        Optional.ofNullable(System.getProperty(DrillPlan.NEGATIVE_CONTROL_PROPERTY))
                .ifPresent(value -> overrides.put(DrillPlan.NEGATIVE_CONTROL_PROPERTY, value));
        for (String pick : List.of(BackupPick.PROPERTY, BackupPick.SEED_PROPERTY)) { // -Ddrill.pick, its seed
            Optional.ofNullable(System.getProperty(pick)).ifPresent(value -> overrides.put(pick, value));
        }
        DrillPlan plan = new ScenarioLoader(overrides).read(options.scenario());
        DrillBackups backups = DrillBackups.resolve(plan.backups().directory(),
                options.backups().isPresent(), options.workDir(), clock);
        LOG.info("drill '{}' ({}), images {}, backups {}{}, pick {}", plan.name(), options.scenario(), images,
                backups.location().describe(), backups.demo() ? " (DEMO: generated, not evidence)" : "",
                plan.backups().pick().describe());
        return new DrillRun(options, plan, images, backups, clock);
    }

    public DrillPlan plan() {
        return plan;
    }

    public boolean demo() {
        return backups.demo();
    }

    public Instant start() {
        return start;
    }

    public ImageMode images() {
        return images;
    }

    public DrillCredentials credentials() {
        return credentials;
    }

    public DrillBackups backups() {
        return backups;
    }

    /** The catalog of the newest backups (scanned once). */
    public synchronized BackupManifest manifest() {
        if (manifest == null) {
            manifest = guarded(DrillPhase.CATALOG, "the backups", () -> new BackupCatalog(clock,
                    scans).scan(backups.location(),
                    plan.stores().stream().map(StorePlan::backupSpec).toList(), plan.backups().pick()));
            LOG.info("backup catalog:\n{}", manifest.toTable());
        }
        return manifest;
    }

    public StoreResult catalog(String store) {
        return manifest().store(store).orElseThrow();
    }

    /**
     * How many things the drill does at once: {@code -Ddrill.parallel}, by default as many as the drill host's engine
     * has CPUs (asked once, when the stack is first needed).
     */
    private int slots() {
        // Not under this run's lock: the examinations ask it too. Asked twice at worst, with the same answer.
        if (slots == 0) {
            slots = options.restoreSlots(DrillRun::engineCpus);
        }
        return slots;
    }

    /** The drill host's CPUs, for the default of {@code -Ddrill.parallel}: logged, as they decide what runs at once. */
    private static int engineCpus() {
        int cpus = DockerEngine.cpus();
        LOG.info(cpus > 0 ? "the drill host has " + cpus + " CPU(s): " + cpus + " thing(s) at once "
                + "(-Ddrill.parallel=N to choose)" : "the drill host's engine did not say how many CPUs it "
                + "has: everything at once (-Ddrill.parallel=N to choose)");
        return cpus;
    }

    /** Starts the drill stack and restores every store in parallel (once). */
    public synchronized Optional<ParallelRestore.Result> restores() {
        if (restores != null || stackFailure != null) {
            return Optional.ofNullable(restores);
        }
        activity = "during the restores and the platform's start";
        try {
            faults.before(DrillPhase.RESTORE, "the stack");
            LeftoverReaper.removeOrphans();
            stack = DrillStack.create(stackDefinition(), credentials, clock);
            List<RestoreEngine> engines = new ArrayList<>();
            Map<String, RestoreOutcome> refused = new LinkedHashMap<>();
            for (StorePlan store : plan.stores()) {
                String problem = catalogProblem(store.name());
                if (problem == null) {
                    engines.add(StoreWiring.engine(store, backupFile(store.name()), catalog(store.name()),
                            credentials, StoreWiring.MongoEngine.fromSystemProperty(), images.targetImages()));
                } else {
                    refused.put(store.name(), RestoreOutcome.failed(store.name(), Duration.ZERO,
                            FailureCategory.CORRUPT_BACKUP.failure(store.name() + " is not restored because the "
                                    + "catalog found its backup unusable: " + problem), ""));
                }
            }
            List<String> alsoAwait = plan.journey().map(JourneyPlan::baseService).stream().toList();
            ParallelRestore.Result result = new ParallelRestore(plan.stack().startupTimeout(),
                    slots()).run(stack, engines, alsoAwait);
            Map<String, RestoreOutcome> outcomes = new LinkedHashMap<>(refused);
            outcomes.putAll(result.outcomes());
            restores = new ParallelRestore.Result(outcomes, result.measuredRto());
            throughput().stream().filter(t -> t.phase().equals(PhaseThroughput.RESTORE))
                    .forEach(PhaseThroughputs::log);
            openAllowedEgress();
            connections = storeConnections();
            List<String> apps = PlatformApps.startedAfterRestore(plan);
            if (!apps.isEmpty()) {
                countAsRestored();
            }
            readConversationAhead();
            platform = new PlatformStart(stack, connections, plan.stack().startupTimeout(), plan.schemaMustNot())
                    .run(apps, restores);
            stackImages = stack.images();
            bindMounts = stack.bindMounts();
            if (!bindMounts.isEmpty()) {
                LOG.warn("drill {} has bind mounts, which a remote drill host cannot serve: {}", drillId(), bindMounts);
            }
            examineAhead();
            // Its threads each said what they were doing; now the drill as a whole is past this point.
            activity = "after the restores and the platform's start";
        } catch (RuntimeException e) {
            stackFailure = e;
            activity = "after the drill stack failed to start";
            LOG.error("the drill stack could not be started: {}", e.getMessage());
        }
        return Optional.ofNullable(restores);
    }

    /**
     * The drill stack's isolation, read from the engine, and the egress probe (once, after the restores and the
     * platform's start); empty when the stack did not run.
     */
    public synchronized Optional<IsolationEvidence> isolation() {
        restores();
        if (isolation == null && stack != null) {
            isolation = judgeIsolation();
        }
        return Optional.ofNullable(isolation);
    }

    private IsolationEvidence judgeIsolation() {
        return guarded(DrillPhase.ISOLATION, "the drill stack", () -> IsolationJudgement.judge(
                IsolationInspector.inspect(stack.id()),
                new EgressProbe(stack.id(), stack.networkName(), ReferenceImages.SOCAT).run(), plan.isolation()));
    }

    public synchronized Optional<IsolationEvidence> isolationIfRun() {
        return Optional.ofNullable(isolation);
    }

    /** What proves the journey's answer came from this drill's model service: its nonce, its count of chats. */
    public record ModelProof(String nonce, ModelService.Stats stats, boolean answerCarriesNonce) {

        public boolean proven() {
            return stats.completions() >= 1 && nonce.equals(stats.nonce()) && answerCarriesNonce;
        }

        public String message() {
            return "the drill's model service (" + ModelService.SERVICE + ") answered " + stats.completions()
                    + " chat(s) with nonce '" + stats.nonce() + "' (this drill's: '" + nonce + "'); the journey's "
                    + "answer " + (answerCarriesNonce ? "carries " : "does NOT carry ") + ModelService.answerMark(nonce);
        }
    }

    /** Asks the model service what it answered, after the journey (once). */
    public synchronized ModelProof modelProof() {
        if (modelProof == null) {
            JourneyOutcome outcome = journey();
            modelProof = guarded(DrillPhase.JOURNEY, "the model service", () -> {
                ModelService.Stats stats = ModelService.stats(stack.endpoint(ModelService.SERVICE, ModelService.PORT));
                boolean carries = outcome.steps().stream()
                        .anyMatch(step -> step.message().contains(ModelService.answerMark(modelNonce)));
                return new ModelProof(modelNonce, stats, carries);
            });
        }
        return modelProof;
    }

    public synchronized Optional<ModelProof> modelProofIfRun() {
        return Optional.ofNullable(modelProof);
    }

    /** The apps started after the restores, and the Langfuse migrations check (runs the restores if need be). */
    public synchronized Optional<PlatformOutcome> platform() {
        restores();
        return Optional.ofNullable(platform);
    }

    /** The apps' start if it ran (without starting anything). */
    public synchronized Optional<PlatformOutcome> platformIfRun() {
        return Optional.ofNullable(platform);
    }

    /** The restores' result if they ran (without starting them). */
    public synchronized Optional<ParallelRestore.Result> restoresIfRun() {
        return Optional.ofNullable(restores);
    }

    /** The drill's id (its compose project), once the stack exists. */
    public String drillId() {
        return stack == null ? "drill-not-started" : stack.id().value();
    }

    /**
     * Writes the report for this drill (evidence.json, summary, PDF, Allure report, SHA256SUMS), masked; notifies.
     * Once: a second call (the end of the drill after an interruption's report) returns the same folder.
     */
    public synchronized Path writeReport(Path allureResults) {
        if (reportFolder == null) {
            reportFolder = DrillReport.write(this, allureResults, stackImages, clock.instant());
        }
        return reportFolder;
    }

    /** Whether the report has been written; takes no lock. */
    boolean reported() {
        return reportFolder != null;
    }

    /**
     * Records that the drill was stopped from outside (SIGINT, SIGTERM) at what it was doing: a drill error, so the
     * report of what ran before says the drill did not finish. Takes no lock: the phase running may hold it.
     */
    void interrupted(String signal) {
        interruption = FailureCategory.DRILL_ERROR.failure("the drill was interrupted (" + signal + ") " + activity
                + ". This report holds only what ran before: the phases after it did not run, so the drill proves "
                + "nothing about them. Run the drill again to its end.");
        LOG.warn("{}", interruption.message());
    }

    public DrillOptions options() {
        return options;
    }

    /** Every secret this drill knows of, for masking. */
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>(backups.secrets().entrySet().stream()
                .filter(e -> !e.getKey().endsWith("EMAIL")).map(Map.Entry::getValue).toList());
        secrets.addAll(List.of(credentials.postgresPassword(), credentials.clickhousePassword(),
                credentials.minioPassword()));
        return secrets;
    }

    /** The bind mounts of the drill's containers once the platform started (empty: none; see DrillStack.bindMounts). */
    public synchronized List<String> bindMounts() {
        return bindMounts;
    }

    /**
     * The drill host's fault, when the stack could not start because of it (engine unreachable, TLS, too old,
     * images missing): one line that names the host and what to do. Starts the stack if it has not been.
     */
    public synchronized Optional<DockerUnavailableException> hostFault() {
        restores();
        return stackFailure instanceof DockerUnavailableException fault ? Optional.of(fault) : Optional.empty();
    }

    /** Why the stack could not run, when it could not. */
    public Optional<RuntimeException> stackFailure() {
        return Optional.ofNullable(stackFailure);
    }

    public Optional<RestoreOutcome> restore(String store) {
        return restores().map(r -> r.outcomes().get(store));
    }

    /**
     * Completeness is what the restore brought back, so it is counted before the apps start: their migrations may
     * add rows (Prisma's own records, a background-migration row), which is the migrations' evidence, not the restore's.
     * A count that fails here is recorded and reported by the completeness test as usual.
     */
    private void countAsRestored() {
        List<String> restored = plan.stores().stream().map(StorePlan::name)
                .filter(name -> restore(name).map(RestoreOutcome::restored).orElse(false)).toList();
        CheckContext context;
        try {
            context = context(); // read here: the counts run at once, and must not wait for this run's lock
        } catch (RuntimeException e) {
            LOG.warn("completeness could not be counted before the apps started: {}", e.getMessage());
            return;
        }
        List<Callable<List<CheckOutcome>>> counts = new ArrayList<>();
        for (String store : restored) {
            Optional<StoreResult> catalogued = manifest().store(store); // read here, under this run's lock
            counts.add(() -> {
                try {
                    return count(store, () -> catalogued.orElseThrow().facts(), () -> context);
                } catch (RuntimeException e) {
                    LOG.warn("{}: completeness could not be counted before the apps started: {}", store,
                            e.getMessage());
                    return null;
                }
            });
        }
        List<List<CheckOutcome>> outcomes = ConcurrentWork.run("count", slots(), counts);
        for (int i = 0; i < restored.size(); i++) {
            if (outcomes.get(i) != null) {
                completeness.put(restored.get(i), outcomes.get(i));
            }
        }
    }

    /** The restored store against its backup, one count per table/collection/bucket (computed once). */
    public synchronized List<CheckOutcome> completeness(String store) {
        return completeness.computeIfAbsent(store, name -> count(name, () -> catalog(name).facts(), this::context));
    }

    private List<CheckOutcome> count(String store, Supplier<FormatFacts> facts, Supplier<CheckContext> context) {
        return guarded(DrillPhase.COMPLETENESS, store, () -> new Completeness(checks).run(
                StoreType.byName(store).orElseThrow(), facts.get(), context.get()));
    }

    public synchronized CheckOutcome check(CheckPlan check) {
        return checkOutcomes.computeIfAbsent(check.name(), name -> runCheck(check, this::context));
    }

    private CheckOutcome runCheck(CheckPlan check, Supplier<CheckContext> context) {
        return guarded(DrillPhase.CHECKS, check.name(), () -> {
            CheckOutcome outcome = checks.run(check, context.get());
            if (PhaseThroughputs.readsTheData(check.kind())) {
                PhaseThroughputs.log(PhaseThroughputs.check(check, outcome));
            }
            return outcome;
        });
    }

    /**
     * With more than one slot, the journey's pass over the mongo backup starts now, on its own thread
     * ({@link ConversationReadAhead}), after the completeness counts and as the platform starts, whose start mostly
     * waits on health checks; with one the journey reads the backup when it comes, as by hand.
     */
    private void readConversationAhead() {
        Optional<JourneyPlan> journeyPlan = plan.journey();
        String mongodb = StoreType.MONGODB.storeName();
        if (slots() > 1 && journeyPlan.isPresent() && restore(mongodb).map(RestoreOutcome::restored).orElse(false)) {
            conversationAhead = ConversationReadAhead.start(backupFile(mongodb), connections,
                    () -> DrillAccount.fromEnvironment(journeyPlan.get(), backups.secrets()).email());
        }
    }

    /**
     * Where the harness reaches each store: one ambassador container per store (and one for the journey's app,
     * which it then finds ready), started at once unless the drill runs one thing at a time
     * ({@code -Ddrill.parallel=1}).
     */
    private StoreConnections storeConnections() {
        List<StoreType> types = List.of(StoreType.POSTGRES, StoreType.MONGODB, StoreType.CLICKHOUSE, StoreType.MINIO);
        List<Callable<ServiceEndpoint>> ambassadors = new ArrayList<>(types.stream()
                .map(type -> (Callable<ServiceEndpoint>) () -> endpoint(type)).toList());
        if (slots() > 1) {
            plan.journey().ifPresent(journey -> ambassadors.add(() -> stack.endpoint(journey.baseService(),
                    JourneyPlan.APP_PORT)));
        }
        List<ServiceEndpoint> endpoints = ConcurrentWork.run("ambassador", slots(), ambassadors);
        Map<StoreType, ServiceEndpoint> byType = new EnumMap<>(StoreType.class);
        for (int i = 0; i < types.size(); i++) {
            byType.put(types.get(i), endpoints.get(i));
        }
        return StoreWiring.connections(byType::get, credentials);
    }

    /**
     * With more than one slot ({@code -Ddrill.parallel}, the drill host's CPUs by default), what only reads the
     * restored stack runs at once as soon as the platform has started: the isolation probe, and each restored store's
     * checks (one store's one after another, in the scenario's order). Their tests then read the results; a drill
     * error is recorded as it would be when the test asked. With one slot each runs when its test asks, as by hand.
     * The journey, which writes, runs after all of them either way, as does the negative control.
     */
    private void examineAhead() {
        int slots = slots();
        if (slots <= 1 || stack == null) {
            return;
        }
        CheckContext context;
        try {
            context = context(); // read here: the examinations must not wait for this run's lock
        } catch (RuntimeException e) {
            return; // each check's test meets the same error when it asks
        }
        List<Callable<Object>> work = new ArrayList<>();
        work.add(() -> quietly(this::judgeIsolation));
        Map<String, CheckOutcome> outcomes = new ConcurrentHashMap<>();
        plan.stores().stream().filter(store -> restore(store.name()).map(RestoreOutcome::restored).orElse(false))
                .forEach(store -> work.add(() -> {
                    for (CheckPlan check : plan.checksFor(store.name())) {
                        Optional.ofNullable(quietly(() -> runCheck(check, () -> context)))
                                .ifPresent(outcome -> outcomes.put(check.name(), outcome));
                    }
                    return null;
                }));
        long started = System.nanoTime();
        List<Object> results = ConcurrentWork.run("examine", slots, work);
        isolation = (IsolationEvidence) results.get(0);
        plan.checks().stream().filter(check -> outcomes.containsKey(check.name()))
                .forEach(check -> checkOutcomes.put(check.name(), outcomes.get(check.name())));
        LOG.info("isolation and {} checks of {} store(s) examined at once in {} ms", outcomes.size(), work.size() - 1,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The work's result, or null when it failed: {@link #guarded} recorded the drill error for its test. */
    private static <T> T quietly(Supplier<T> work) {
        try {
            return work.get();
        } catch (DrillErrorException e) {
            return null;
        }
    }

    /**
     * Bytes, time and MB/s of each data-moving phase so far, per store: catalog scan, fetch, restore, the full
     * reads, the re-hash (EVIDENCE.md, {@code throughput}).
     */
    public synchronized List<PhaseThroughput> throughput() {
        return PhaseThroughputs.of(plan, options.preflightOnly(), manifestIfScanned(), scans, rehashes,
                restoresIfRun().map(ParallelRestore.Result::outcomes), checkOutcomes);
    }

    /**
     * The negative control, when the plan asks for one (run once, after the restores): a damaged copy of the
     * store's backup restored into a throw-away store next to the drill's, which the drill's checks must catch.
     */
    public synchronized Optional<NegativeControlOutcome> negativeControl() {
        if (plan.negativeControl().isEmpty()) {
            return Optional.empty();
        }
        if (negativeControl == null) {
            negativeControl = guarded(DrillPhase.CHECKS, NegativeControlOutcome.NAME, () -> {
                restores(); // after the drill's own restores, so it never slows them down
                StorePlan store = plan.store(plan.negativeControl().get()).orElseThrow();
                String problem = catalogProblem(store.name());
                if (problem != null || stack == null) {
                    throw new IllegalStateException("the negative control needs a usable " + store.name()
                            + " backup and the drill's stack: " + (problem != null ? problem : "the stack did not"
                            + " start"));
                }
                List<CheckPlan> integrity = plan.checksFor(store.name()).stream().filter(c -> c.kind().integrity())
                        .toList();
                return new NegativeControl(store, backupFile(store.name()), options.workDir()
                        .resolve(start.toString().replace(':', '-')), stack.serviceImage(store.service()), stack.id(),
                        credentials, integrity, plan.stack().startupTimeout(), clock)
                        .run(DamagedCopy.Damage.DUPLICATED_ROWS);
            });
        }
        return Optional.of(negativeControl);
    }

    public synchronized Optional<NegativeControlOutcome> negativeControlIfRun() {
        return Optional.ofNullable(negativeControl);
    }

    /** The runbook's own test: sign in, open the newest conversation, chat (run once). */
    public synchronized JourneyOutcome journey() {
        if (journey == null) {
            journey = guarded(DrillPhase.JOURNEY, "the app", () -> {
                JourneyPlan journeyPlan = plan.journey().orElseThrow();
                DrillAccount account = DrillAccount.fromEnvironment(journeyPlan, backups.secrets());
                String app = stack.endpoint(journeyPlan.baseService(), JourneyPlan.APP_PORT).httpUrl();
                ConversationReadAhead ahead = Optional.ofNullable(conversationAhead)
                        .orElseGet(() -> ConversationReadAhead.none(backupFile(StoreType.MONGODB.storeName())));
                return new AppJourney(journeyPlan, app, account, connections, ahead.conversations()).run();
            });
        }
        return journey;
    }

    public Optional<JourneyOutcome> journeyIfRun() {
        return Optional.ofNullable(journey);
    }

    /**
     * How far apart the stores' backups are: the chosen files' times and, in a drill (not a pre-flight), the newest
     * record of each restored store that a "newest within" check measures (those checks run here if they have not).
     */
    public synchronized CrossStoreSkew skew() {
        try {
            manifest();
        } catch (DrillErrorException e) {
            // the catalog's own test reports it; the skew is then not measured
        }
        if (!options.preflightOnly()) {
            for (CheckPlan check : SkewMeasurement.newestRecordChecks(plan)) {
                if (restore(check.store()).map(RestoreOutcome::restored).orElse(false)) {
                    try {
                        check(check);
                    } catch (DrillErrorException e) {
                        // the check's own test reports it; that store's newest record is then not known
                    }
                }
            }
        }
        return SkewMeasurement.measure(plan, manifestIfScanned(), checkOutcomes);
    }

    /** The errors of the drill's own code, one per phase and subject, in the order they happened. */
    public synchronized List<Failure> drillErrors() {
        List<Failure> errors = new ArrayList<>(drillErrors.values());
        Optional.ofNullable(interruption).ifPresent(errors::add);
        return List.copyOf(errors);
    }

    /** Whether the drill's own code failed on this subject (a store, a check) in any phase. */
    public synchronized boolean drillErrorOn(String subject) {
        return drillErrors.keySet().stream().anyMatch(key -> key.subject().equals(subject));
    }

    /** The catalog if it was scanned without an error of the drill's own. */
    public synchronized Optional<BackupManifest> manifestIfScanned() {
        return Optional.ofNullable(manifest);
    }

    /**
     * Runs one phase's work for one subject; an unexpected exception becomes a "Drill error" failure of that
     * phase, recorded for the evidence and thrown for the phase's test, so the three always agree.
     */
    private <T> T guarded(DrillPhase phase, String subject, Supplier<T> work) {
        PhaseSubject key = new PhaseSubject(phase, subject);
        Failure earlier;
        synchronized (drillErrors) { // examineAhead's threads record here too
            earlier = drillErrors.get(key);
        }
        if (earlier != null) {
            throw new DrillErrorException(earlier, null);
        }
        String what = "the " + phase.title().toLowerCase(java.util.Locale.ROOT) + " of " + subject;
        activity = "during " + what;
        try {
            faults.before(phase, subject);
            T result = work.get();
            activity = "after " + what;
            return result;
        } catch (RuntimeException e) {
            activity = "after " + what + " failed";
            Failure failure = FailureCategory.DRILL_ERROR.failure(phase.title() + " of " + subject + ": " + e
                    + ". This step could not run, so it proves nothing; the drill log has the stack trace.");
            LOG.error("{}", failure.message(), e);
            synchronized (drillErrors) {
                drillErrors.put(key, failure);
            }
            throw new DrillErrorException(failure, e);
        }
    }

    /** For tests of the drill itself: a hook called before each phase's work, which may throw. */
    synchronized void injectFaults(FaultHook hook) {
        this.faults = hook;
    }

    private record PhaseSubject(DrillPhase phase, String subject) {
    }

    /** Called before a phase works on a subject (a store, a check, the app). */
    interface FaultHook {
        void before(DrillPhase phase, String subject);
    }

    public Map<String, CheckOutcome> checkOutcomes() {
        return checkOutcomes;
    }

    public Map<String, List<CheckOutcome>> completenessOutcomes() {
        return completeness;
    }

    /** Tears the stack down and re-hashes the backups: a backup changed during the drill is a failure. */
    @Override
    public synchronized void close() {
        closeWhile(() -> { });
    }

    /**
     * Tears the stack down, re-hashes the backups, then runs {@code afterwards} (the report), which sees the re-hash.
     * With more than one slot the stack's removal runs on its own thread meanwhile (removing a restored volume's
     * files is the engine's disk work, the report's is the CPU's) and this returns once both are done; with one, one
     * after the other. A failed removal is thrown after {@code afterwards} ran.
     */
    public synchronized void closeWhile(Runnable afterwards) {
        AtomicReference<RuntimeException> teardownFailure = new AtomicReference<>();
        Thread teardown = null;
        if (stack != null) {
            DrillStack removed = stack;
            Runnable remove = () -> {
                try {
                    removed.close();
                } catch (RuntimeException e) {
                    teardownFailure.set(e);
                }
            };
            if (slots() > 1) {
                teardown = DaemonThreads.start("drill-stack-teardown-" + drillId(), remove);
            } else {
                remove.run();
            }
        }
        try {
            if (manifest != null) {
                manifest = new BackupCatalog(clock, rehashes).verifyUnchanged(manifest);
            }
            afterwards.run();
        } finally {
            awaitEnd(teardown);
        }
        if (teardownFailure.get() != null) {
            throw teardownFailure.get();
        }
    }

    /** Waits for the stack's removal, also through an interrupt (the interrupt is kept). */
    private static void awaitEnd(Thread teardown) {
        boolean interrupted = false;
        while (teardown != null && teardown.isAlive()) {
            try {
                teardown.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }


    private CheckContext context() {
        if (connections == null) {
            // The stores were restored (or not) but never reached: a check has nothing to ask, and says why.
            throw new IllegalStateException("the harness has no connection to the restored stores because the drill "
                    + "stack failed: " + (stackFailure == null ? "it did not start" : stackFailure.getMessage()));
        }
        Map<String, Long> counts = new HashMap<>();
        Map<String, Instant> instants = new HashMap<>();
        Map<String, MongoArchiveFacts.Ttl> ttl = new HashMap<>();
        Map<String, Path> files = new HashMap<>();
        Map<String, Long> objects = new HashMap<>();
        for (StorePlan store : plan.stores()) {
            StoreResult result = catalog(store.name());
            if (result.chosen() != null) {
                files.put(store.name(), backupFile(store.name()));
            }
            if (result.facts() instanceof TarFacts tar) {
                objects.put(store.name(), tar.minioBuckets().isEmpty() ? tar.files()
                        : tar.minioBuckets().stream().mapToLong(TarFacts.MinioBucket::objects).sum());
            }
            if (result.backupInstant() != null) {
                instants.put(store.name(), result.backupInstant());
            }
            if (result.facts() instanceof MongoArchiveFacts mongo) {
                mongo.collections().forEach(c -> counts.put(c.db() + "." + c.collection(), c.documents()));
                mongo.collections().stream().filter(c -> c.ttl() != null)
                        .forEach(c -> ttl.put(c.db() + "." + c.collection(), c.ttl()));
            }
        }
        return new CheckContext(connections, counts, instants, ttl, files, objects);
    }

    /** Where the harness reaches a store of this drill; a store the drill does not restore is unreachable. */
    private ServiceEndpoint endpoint(StoreType type) {
        return plan.stores().stream().filter(s -> s.type() == type).findFirst()
                .map(s -> stack.endpoint(s.service(), type.port())).orElse(NOT_IN_DRILL);
    }

    private Path backupFile(String store) {
        return backups.directory().resolve(catalog(store).chosen().fileName());
    }

    private StackDefinition stackDefinition() {
        List<Path> files = new ArrayList<>(plan.stack().composeFiles().stream().map(Path::of).toList());
        Path work = options.workDir().resolve(start.toString().replace(':', '-'));
        Map<String, String> candidates = images == ImageMode.REFERENCE
                ? ReferenceCandidates.substitute(plan.stack().images(), PinnedMigrations.project())
                : plan.stack().images();
        if (!candidates.isEmpty()) {
            files.add(CandidateImages.writeOverride(candidates, work.resolve("images.override.yml")));
        }
        List<String> services = new ArrayList<>(plan.stores().stream().map(StorePlan::service).toList());
        plan.journey().ifPresent(j -> services.add(j.baseService()));
        Map<String, String> env = new HashMap<>();
        backups.secrets().forEach((name, value) -> {
            if (name.equals("DRILL_GATEWAY_KEY")) {
                env.put("LITELLM_API_KEY", value);
            }
            if (name.equals("DRILL_LANGFUSE_SALT")) {
                env.put("LANGFUSE_SALT", value);
            }
        });
        NetworkIsolation.fromSystemProperty().override(work).ifPresent(files::add);
        env.put(ModelService.NONCE_VARIABLE, modelNonce);
        return new StackDefinition(files, services, work, plan.stack().startupTimeout(), env);
    }

    /** The scenario's allowed destinations, each through a forwarder on the drill network (none by default). */
    private void openAllowedEgress() {
        if (!plan.isolation().isolated()) {
            EgressGateway.open(stack.id(), stack.networkName(), ReferenceImages.SOCAT, plan.isolation().allowEgress()
                    .stream().map(d -> new EgressGateway.Destination(d.host(), d.port())).toList());
        }
    }

    /** What makes a store's backup unusable for a restore (an RPO miss alone does not), or null. */
    public String catalogProblem(String store) {
        return problemOf(catalog(store));
    }

    /** What makes a backup the catalog read unusable for a restore (an RPO miss alone does not), or null. */
    static String problemOf(StoreResult result) {
        if (result.error() != null) {
            return result.error();
        }
        if (result.chosen() == null) {
            return String.join("; ", result.failures());
        }
        List<String> integrity = result.integrityFailures();
        FormatFacts facts = result.facts();
        return integrity.isEmpty() && facts != null ? null : String.join("; ", integrity);
    }
}
