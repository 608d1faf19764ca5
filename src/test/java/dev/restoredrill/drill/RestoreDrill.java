package dev.restoredrill.drill;

import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.backup.BackupPick;
import dev.restoredrill.backup.StoreResult;
import dev.restoredrill.evidence.CrossStoreSkew;
import dev.restoredrill.evidence.PhaseThroughput;
import dev.restoredrill.scenario.Durations;
import dev.restoredrill.evidence.ReportFolders;
import dev.restoredrill.outcome.Failure;
import dev.restoredrill.outcome.FailureCategory;
import dev.restoredrill.outcome.SecretMasker;
import dev.restoredrill.evidence.ReportScreenshot;
import dev.restoredrill.evidence.RtoOutcome;
import dev.restoredrill.restore.RestoreOutcome;
import dev.restoredrill.scenario.CheckPlan;
import dev.restoredrill.scenario.StorePlan;
import dev.restoredrill.stack.DockerUnavailableException;
import dev.restoredrill.testsupport.RequiresDocker;
import dev.restoredrill.verify.CheckOutcome;
import dev.restoredrill.verify.JourneyStage;
import dev.restoredrill.verify.JourneyStep;
import io.qameta.allure.Allure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The drill, as tests: one per store (catalog, restore, completeness), one per scenario check, one per journey
 * step, so one failure never hides another and the report reads like the drill. Run with {@code mvn verify -Pdrill}
 * (options in the README); the report is written to {@code reports/<YYYY>-Q<n>/} after the last test.
 */
@RequiresDocker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestoreDrill {

    private DrillRun run;
    private InterruptedDrillReport ifInterrupted;
    private String quarter;

    @BeforeAll
    void prepare() {
        run = DrillRun.prepare(DrillOptions.fromSystemProperties(), Clock.systemUTC());
        ifInterrupted = InterruptedDrillReport.register(run, allureResults());
        quarter = ReportFolders.quarter(run.start());
    }

    private static Path allureResults() {
        return Path.of(System.getProperty("allure.results.directory", "target/allure-results"));
    }

    @TestFactory
    List<DynamicNode> drill() {
        List<DynamicNode> phases = new ArrayList<>();
        phases.add(DynamicContainer.dynamicContainer("Backup catalog", run.plan().stores().stream()
                .map(store -> test(catalogTestName(store.name()), store.name(), "blocker", () -> catalog(store)))));
        if (DrillOptions.fromSystemProperties().preflightOnly()) {
            phases.add(consistency());
            return phases;
        }
        phases.add(DynamicContainer.dynamicContainer("Drill host", List.of(test(DRILL_HOST_TEST, "drill host",
                "blocker", () -> run.hostFault().ifPresent(fault -> fail(fault.getMessage()))))));
        phases.add(DynamicContainer.dynamicContainer("Restore", run.plan().stores().stream()
                .map(store -> test("restore " + store.name() + " into a fresh volume", store.name(), "blocker",
                        () -> restore(store)))));
        phases.add(DynamicContainer.dynamicContainer("RTO", run.plan().stores().stream()
                .map(store -> test("restore " + store.name() + " within its RTO", store.name(), "critical",
                        () -> rto(store)))));
        List<String> apps = PlatformApps.startedAfterRestore(run.plan());
        if (!apps.isEmpty()) {
            phases.add(DynamicContainer.dynamicContainer("Start the platform", apps.stream()
                    .map(app -> test(app + " starts on the restored stores and is healthy", app, "critical",
                            () -> PlatformTests.appHealthy(run, app, this::mask)))));
            phases.add(DynamicContainer.dynamicContainer("Migrations", PlatformTests.MIGRATION_STORES.stream()
                    .flatMap(store -> java.util.stream.Stream.of(
                            test("langfuse-web ships every migration the " + store + " backup recorded", store,
                                    "blocker", () -> PlatformTests.schemaNotAhead(run, store)),
                            test("langfuse-web's start left the " + store + " migrations clean", store, "blocker",
                                    () -> PlatformTests.migratedCleanly(run, store, this::mask))))));
            if (apps.contains(PlatformApps.LITELLM)) {
                phases.add(DynamicContainer.dynamicContainer("Gateway migrations", List.of(test("litellm ships "
                        + "every migration the postgres/litellm backup recorded and its start applied the rest cleanly",
                        "postgres/litellm", "blocker", () -> PlatformTests.gatewayMigrated(run, this::mask)))));
            }
            phases.add(DynamicContainer.dynamicContainer("Schema", List.of(test("the start changed nothing the "
                    + "scenario forbids (schema as restored vs after the start)", "schema", "critical",
                    () -> PlatformTests.schemaChange(run)))));
        }
        phases.add(DynamicContainer.dynamicContainer("Isolation", List.of(test("the drill stack is cut off: internal "
                + "networks, no bind mount or published port, the egress probe blocked inside and connected outside",
                "isolation", "blocker", () -> IsolationTests.isolated(run, this::mask)))));
        phases.add(DynamicContainer.dynamicContainer("Completeness", run.plan().stores().stream()
                .map(store -> test(store.name() + " holds everything its backup holds", store.name(), "blocker",
                        () -> completeness(store)))));
        phases.add(DynamicContainer.dynamicContainer("Checks", run.plan().checks().stream()
                .map(check -> test(check.name(), check.store(), check.severity().name().toLowerCase(),
                        () -> check(check)))));
        phases.add(consistency());
        run.plan().negativeControl().ifPresent(store -> phases.add(DynamicContainer.dynamicContainer(
                "Negative control", List.of(test("negative control: a damaged copy of the " + store + " backup, "
                        + "restored next to the drill, is caught by the drill's checks", store, "blocker",
                        this::negativeControl)))));
        run.plan().journey().ifPresent(journey -> {
            List<DynamicTest> steps = new ArrayList<>();
            for (JourneyStage stage : JourneyStage.values()) {
                steps.add(test("journey step " + stage.number() + ": " + stage.title(), "app", "critical",
                        () -> journeyStep(stage)));
            }
            steps.add(test("the journey's answer came from the drill's own model service", "app", "critical",
                    () -> IsolationTests.answeredInside(run)));
            phases.add(DynamicContainer.dynamicContainer("App journey", steps));
        });
        return phases;
    }

    @AfterAll
    void tearDownAndReport() {
        if (run == null) {
            return; // the scenario was refused before anything started; its error is the drill's result
        }
        // The drill ends normally here and writes its own report: the interruption hook stands down. The report is
        // written and looked at while the stack is removed (DrillRun.closeWhile), or after it with one slot.
        AtomicBoolean reported = new AtomicBoolean();
        try {
            run.closeWhile(() -> reportAndLook(reported));
        } finally {
            if (!reported.get()) {
                reportAndLook(reported); // closeWhile threw before it got to the report (the backups' re-hash)
            }
        }
    }

    /** Writes the report once and looks at it; {@code reported} says it was tried, so a failure is not tried twice. */
    private void reportAndLook(AtomicBoolean reported) {
        reported.set(true);
        ifInterrupted.cancel();
        Path report = run.writeReport(allureResults());
        System.out.println("[restore-drill] report: " + report.toAbsolutePath()
                + (run.demo() ? "  (DEMO drill on generated backups: not evidence)" : ""));
        lookAtTheReport(report.resolve("index.html"));
    }

    /**
     * Opens the report as an auditor would (headless Chromium, from disk) and insists it shows this drill's tests
     * and verdict; the screenshot is kept as a build artefact.
     */
    private void lookAtTheReport(Path index) {
        ReportScreenshot browser = ReportScreenshot.locate();
        List<String> shown = browser.render(index, "#suites").tests().stream().map(t -> t.name()).toList();
        String overview = browser.render(index, "").text();
        Path png = browser.screenshot(index, "", Path.of("target", "drill-report.png"));
        System.out.println("[restore-drill] report as rendered by Chromium: " + png.toAbsolutePath());
        if (!shown.contains(catalogTestName(run.plan().stores().get(0).name()))) {
            fail("Evidence: the rendered report does not list the drill's tests (it shows " + shown + ")");
        }
        if (!overview.contains(run.plan().report().title())) {
            fail("Evidence: the rendered report's overview does not show the drill's title '"
                    + run.plan().report().title() + "'");
        }
    }

    private static final String DRILL_HOST_TEST = "the drill host runs the drill stack";

    private DynamicTest test(String name, String feature, String severity, Executable body) {
        return DynamicTest.dynamicTest(name, () -> {
            Allure.epic("Restore drill " + quarter + (run.demo() ? " (DEMO)" : ""));
            Allure.feature(feature);
            Allure.label("severity", severity);
            // A drill host that cannot run the drill is one failure (its own test), not one per later test.
            if (!name.equals(DRILL_HOST_TEST) && run.stackFailure().filter(e -> e instanceof DockerUnavailableException)
                    .isPresent()) {
                Assumptions.abort("not run: the drill host cannot run the drill (see '" + DRILL_HOST_TEST + "')");
            }
            body.execute();
        });
    }

    private void catalog(StorePlan store) {
        StoreResult result = run.catalog(store.name());
        // An attachment, not a parameter: a parameter would change the test's history id with every seed.
        Allure.addAttachment(store.name() + " backup picked", "text/plain", "pick: " + run.plan().backups().pick()
                .describe() + "\n" + (result.picked() == null ? "nothing picked" : result.chosen().fileName() + ": "
                + result.picked().reason()), ".txt");
        Allure.addAttachment("backup manifest (all stores)", "text/plain", run.manifest().toTable(), ".txt");
        throughputStep(PhaseThroughput.CATALOG, store.name(), null);
        if (!result.findings().isEmpty()) {
            fail(result.findings().stream().map(Failure::message).collect(Collectors.joining("\n")));
        }
    }

    /** The catalog test's name: which backup it judges (the newest, or the one the pick asked for). */
    private String catalogTestName(String store) {
        return run.plan().backups().pick() instanceof BackupPick.Newest
                ? "newest " + store + " backup is intact and within its RPO"
                : store + " backup of the picked night (" + run.plan().backups().pick().spec() + ") is intact; its"
                        + " newest backup within its RPO";
    }

    /** One test: the stores' backups no further apart than the scenario's max_skew (after the checks). */
    private DynamicContainer consistency() {
        String limit = run.plan().backups().maxSkew().map(d -> "at most " + Durations.format(d) + " apart")
                .orElse("how far apart (no max_skew: shown, not judged)");
        return DynamicContainer.dynamicContainer("Cross-store consistency", List.of(test("the stores' backups: "
                + limit + " (file times, newest records)", "consistency", "critical", this::skew)));
    }

    private void skew() {
        CrossStoreSkew skew = run.skew();
        Allure.addAttachment("cross-store skew", "text/plain", skew.stores().stream().map(t -> t.store() + "  "
                + (t.fileName() == null ? "no backup" : t.fileName() + " taken " + t.fileTime() + " ("
                + t.fileTimeBasis() + ")") + "  newest record " + (t.newestRecord() == null ? "not measured"
                : t.newestRecord() + " (" + t.newestRecordBy() + ")")).collect(Collectors.joining("\n"))
                + "\nskew by file time: " + skew.fileSkew() + "\nskew by newest records: " + skew.recordSkew()
                + "\nmax_skew: " + skew.limit() + "\nverdict: " + skew.verdict(), ".txt");
        skew.failure().ifPresent(failure -> fail(failure.message()));
        if (!CrossStoreSkew.WITHIN.equals(skew.verdict())) {
            Assumptions.abort(skew.verdict() + ": skew by file time " + skew.fileSkew() + ", by newest records "
                    + skew.recordSkew() + (skew.limit() == null ? "; the scenario sets no backups.max_skew" : ""));
        }
    }

    private void restore(StorePlan store) {
        RestoreOutcome outcome = run.restore(store.name()).orElseThrow(() -> new AssertionError(
                FailureCategory.RESTORE_FAILURE.message("the drill stack did not start: "
                        + run.stackFailure().map(Throwable::getMessage).orElse("unknown"))));
        Allure.addAttachment(store.name() + " restore log (tail)", "text/plain", mask(outcome.logTail()), ".txt");
        Allure.addAttachment(store.name() + " restore notes", "text/plain",
                "restore time: " + outcome.elapsed().toMillis() + " ms\n" + String.join("\n", outcome.notes()),
                ".txt");
        throughputStep(PhaseThroughput.RESTORE, store.name(), null);
        if (!outcome.restored()) {
            fail(outcome.failure().message());
        }
    }

    /** The store's restore time against the scenario's {@code rto:}; no target is said, not passed. */
    private void rto(StorePlan store) {
        requireRestored(store.name());
        RtoOutcome rto = RtoJudgement.forStore(store, run.restore(store.name()).orElseThrow());
        Allure.addAttachment(store.name() + " RTO", "text/plain", "target: " + store.rto().map(Object::toString)
                .orElse("none") + "\nmeasured: " + rto.measured() + "\nverdict: " + rto.verdict(), ".txt");
        if (RtoOutcome.NO_TARGET.equals(rto.verdict())) {
            Assumptions.abort("no RTO target: the scenario sets no 'rto:' for " + store.name());
        }
        rto.failure().ifPresent(failure -> fail(failure.message()));
    }

    private void completeness(StorePlan store) {
        requireRestored(store.name());
        List<CheckOutcome> outcomes = run.completeness(store.name());
        Allure.addAttachment(store.name() + " completeness", "text/plain", outcomes.stream()
                .map(o -> o.verdict() + "  " + o.name() + "  backup " + o.expected() + ", restored " + o.actual())
                .collect(Collectors.joining("\n")), ".txt");
        List<String> problems = outcomes.stream().filter(o -> !o.verdict().passed()).map(CheckOutcome::message)
                .toList();
        if (outcomes.isEmpty()) {
            fail(FailureCategory.DATA_LOSS.message("the backup of " + store.name() + " lists nothing to compare (no "
                    + "table, collection or bucket); completeness cannot be shown"));
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    private void check(CheckPlan check) {
        requireRestored(check.store());
        CheckOutcome outcome = run.check(check);
        Allure.addAttachment("query and result", "text/plain", mask("query: " + outcome.query() + "\nexpected: "
                + outcome.expected() + "\nactual: " + outcome.actual() + "\n" + outcome.message()), ".txt");
        throughputStep(check.kind().label(), check.store(), check.name());
        if (outcome.verdict() == Verdict.NOT_SUPPORTED) {
            // the server cannot run this integrity probe: nothing was verified, so the test is not a pass
            Assumptions.abort(check.name() + ": " + outcome.message());
        }
        if (!outcome.verdict().passed()) {
            fail(FailureCategory.CHECK_FAILURE.message(check.name() + ": " + outcome.message()));
        }
    }

    /** Undetected damage fails the drill: its green checks would prove nothing. */
    private void negativeControl() {
        String store = run.plan().negativeControl().orElseThrow();
        requireRestored(store);
        NegativeControlOutcome control = run.negativeControl().orElseThrow();
        Allure.addAttachment("negative control", "text/plain", mask(control.message() + "\ntook: "
                + control.took().toMillis() + " ms"), ".txt");
        System.out.println("[restore-drill] " + mask(control.headline()));
        control.failure().ifPresent(failure -> fail(mask(failure.message())));
    }

    private void journeyStep(JourneyStage stage) {
        run.plan().stores().forEach(store -> requireRestored(store.name()));
        JourneyStep step = run.journey().step(stage);
        step.exchanges().forEach(exchange -> Allure.addAttachment(exchange.method() + " " + exchange.url(),
                "text/plain", mask(exchange.toString()), ".txt"));
        if (step.verdict() == Verdict.SKIPPED) {
            Assumptions.abort("not run: " + step.message());
        }
        if (!step.verdict().passed()) {
            fail(FailureCategory.JOURNEY_FAILURE.message("step " + stage.number() + " (" + stage.title() + "): "
                    + step.message()));
        }
    }

    /**
     * The phase's bytes, time and MB/s as a step of its test, e.g. "restore of postgres: 812.3 MB in 40.1 s
     * (20.3 MB/s)": a step, not a parameter, so the test's history id stays the same from drill to drill.
     */
    private void throughputStep(String phase, String store, String check) {
        run.throughput().stream().filter(t -> t.phase().equals(phase) && t.store().equals(store)
                && Objects.equals(t.check(), check) && t.status() != PhaseThroughput.Status.NOT_RUN)
                .forEach(t -> Allure.step(t.describe()));
    }

    /** A phase that needs a restored store reports why it could not run, instead of a confusing error. */
    private void requireRestored(String store) {
        RestoreOutcome outcome = run.restore(store).orElse(null);
        if (outcome == null || !outcome.restored()) {
            fail(FailureCategory.RESTORE_FAILURE.message(store + " was not restored, so this cannot be verified"
                    + (outcome == null ? "" : ": " + outcome.failure().message())));
        }
    }

    private String mask(String text) {
        return SecretMasker.of(run.secrets()).mask(text);
    }
}
