package dev.restoredrill.evidence;

import dev.restoredrill.outcome.SecretMasker;

import dev.restoredrill.outcome.Verdict;
import static dev.restoredrill.testsupport.Bytes.indexOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report an auditor gets, end to end: real Allure command line (unpacked by the build), real headless
 * Chromium. No Docker. Fails, never skips, when either is missing: the message says how to install it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportWriterIT {
    private static final Logger LOG = LoggerFactory.getLogger(ReportWriterIT.class);
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;
    private Path reports;
    private Path firstReport;
    private final List<String> phases = new ArrayList<>();

    @BeforeAll
    void writeTheFirstReport() throws IOException {
        reports = work.resolve("reports");
        Path results = AllureResultsFixture.write(work.resolve("allure-results"), START.toEpochMilli());
        firstReport = writer().write(reports, SampleEvidence.failed(false, START), results);
    }

    @Test
    @Order(1)
    void writesTheQuarterFolderWithOneSelfContainedHtmlFile() throws IOException {
        assertThat(firstReport).isEqualTo(reports.resolve("2026-Q4"));
        try (Stream<Path> entries = Files.list(firstReport)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("index.html",
                    "history", "allure-results", "evidence.json", "summary.md", "summary.html", "evidence.pdf",
                    "SHA256SUMS");
        }
        String html = Files.readString(firstReport.resolve("index.html"));
        // Every script and stylesheet is inline (data: URIs): the file opens alone, from an e-mail or a share.
        assertThat(html).doesNotContainPattern("<script[^>]+src=\"(?!data:)")
                .doesNotContainPattern("<link[^>]+href=\"(?!data:)").doesNotContain("googletagmanager");
        assertThat(SingleFileReport.read(firstReport.resolve("index.html")).files())
                .containsKeys("data/suites.json", "data/categories.json", "widgets/environment.json");
        assertThat(Files.readString(firstReport.resolve("summary.md"))).contains("**Verdict: FAIL**");
        assertThat(JSON.readTree(firstReport.resolve("evidence.json").toFile()).get("drill_id").asText())
                .isEqualTo("drill-20261124-abc123");
        assertThat(phases).anyMatch(p -> p.startsWith("allure generate --single-file: "));
    }

    @Test
    @Order(2)
    void noPlantedSecretIsAnywhereInTheReportFolder() throws IOException {
        Map<String, byte[]> everything = new TreeMap<>();
        try (Stream<Path> files = Files.walk(firstReport)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                everything.put(firstReport.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        // index.html embeds its data base64-encoded: search the decoded files too, or a leak would hide there.
        SingleFileReport.read(firstReport.resolve("index.html")).files()
                .forEach((path, content) -> everything.put("index.html!" + path, content));

        for (String secret : AllureResultsFixture.PLANTED) {
            byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
            assertThat(everything.entrySet()).as("files holding " + secret)
                    .filteredOn(e -> indexOf(e.getValue(), needle) >= 0).extracting(Map.Entry::getKey).isEmpty();
        }
        // The search did reach the attachment inside the HTML: it is there, masked.
        assertThat(everything.entrySet()).filteredOn(e -> e.getKey().startsWith("index.html!data/attachments/"))
                .extracting(e -> new String(e.getValue(), StandardCharsets.UTF_8))
                .anySatisfy(text -> assertThat(text).contains("restore log of postgres",
                        "postgres://drill:******@db:5432/librechat", "Bearer ******"));
    }

    @Test
    @Order(3)
    void theReportFilesTheRpoFailureUnderRpoBreach() throws IOException {
        JsonNode categories = JSON.readTree(
                SingleFileReport.read(firstReport.resolve("index.html")).text("data/categories.json"));

        JsonNode rpo = null;
        for (JsonNode category : categories.get("children")) {
            if (category.get("name").asText().equals("RPO breach")) {
                rpo = category;
            }
        }
        assertThat(rpo).as("an RPO breach category in " + categories).isNotNull();
        assertThat(rpo.findValuesAsText("name")).contains(AllureResultsFixture.RPO_MESSAGE,
                AllureResultsFixture.FAILED_TEST).doesNotContain(AllureResultsFixture.PASSED_TEST);
    }

    @Test
    @Order(4)
    void theReportNamesWhereAndOnWhatTheDrillRan() throws IOException {
        SingleFileReport report = SingleFileReport.read(firstReport.resolve("index.html"));
        JsonNode environment = JSON.readTree(report.text("widgets/environment.json"));
        JsonNode executors = JSON.readTree(report.text("widgets/executors.json"));

        assertThat(environment.findValuesAsText("name")).contains("harness.version", "git.commit", "host",
                "docker.server.version", "image.restore-drill/postgres:15");
        assertThat(executors.get(0).get("buildName").asText()).isEqualTo("drill-20261124-abc123");
        assertThat(executors.get(0).get("reportName").asText()).isEqualTo("quarterly 2026-Q4");
        assertThat(JSON.readTree(report.text("widgets/summary.json")).get("reportName").asText())
                .isEqualTo("Quarterly restore drill 2026-Q4 (quarterly): FAIL");
    }

    @Test
    @Order(5)
    void aPersonOpeningTheReportSeesTheDrillsTestsAndVerdict() throws IOException {
        ReportScreenshot chromium = ReportScreenshot.locate();
        Path index = firstReport.resolve("index.html");

        long started = System.nanoTime();
        RenderedReport suites = chromium.render(index, "suites");
        long renderMillis = (System.nanoTime() - started) / 1_000_000;
        RenderedReport overview = chromium.render(index, "");
        started = System.nanoTime();
        Path png = chromium.screenshot(index, "", Path.of("target/report-screenshot.png"));
        long shotMillis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("chromium: #suites rendered in {} ms, screenshot in {} ms", renderMillis, shotMillis);

        assertThat(suites.tests()).containsExactlyInAnyOrder(
                new RenderedTest(AllureResultsFixture.PASSED_TEST, "passed"),
                new RenderedTest(AllureResultsFixture.FAILED_TEST, "failed"));
        assertThat(overview.text()).contains("Quarterly restore drill 2026-Q4 (quarterly): FAIL", "RPO breach");
        assertThat(Files.size(png)).isGreaterThan(10_000);
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    @Order(6)
    void aSecondRunInTheQuarterGetsItsOwnFolderCarriesHistoryAndLeavesTheFirstAlone() throws IOException {
        Map<String, String> before = fingerprint(firstReport);
        Instant later = START.plusSeconds(86_400);
        Path results = AllureResultsFixture.write(work.resolve("allure-results-2"), later.toEpochMilli());

        Path second = writer().write(reports, SampleEvidence.failed(true, later), results);

        assertThat(second).isEqualTo(reports.resolve("2026-Q4-2"));
        assertThat(fingerprint(firstReport)).isEqualTo(before);
        assertThat(second.resolve("allure-results/history/history-trend.json")).exists();
        JsonNode trend = JSON.readTree(
                SingleFileReport.read(second.resolve("index.html")).text("history/history-trend.json"));
        assertThat(trend).as("a trend point for each run").hasSize(2);
        assertThat(JSON.readTree(second.resolve("history/history-trend.json").toFile())).hasSize(2);
        assertThat(Files.readString(second.resolve("summary.md")))
                .contains("DEMO DRILL — generated backups, not evidence");
    }

    @Test
    @Order(7)
    void sha256sumCheckPassesOnTheFreshFolderAndFailsAfterOneChangedByte() throws Exception {
        SealedFolder.Result fresh = SealedFolder.run(firstReport, "sha256sum", "-c", "--strict", "--quiet",
                "SHA256SUMS");
        assertThat(fresh.exit()).as(fresh.output()).isZero();
        try (Stream<Path> files = Files.walk(firstReport)) {
            long listed = Files.readAllLines(firstReport.resolve("SHA256SUMS")).size();
            assertThat(files.filter(Files::isRegularFile).count()).as("every file but SHA256SUMS is listed")
                    .isEqualTo(listed + 1);
        }
        // On a copy: the first report stays as written for the other tests.
        Path copy = work.resolve("tampered");
        try (Stream<Path> files = Files.walk(firstReport)) {
            for (Path p : files.toList()) {
                Files.copy(p, copy.resolve(firstReport.relativize(p).toString()));
            }
        }
        SealedFolder.flipOneByte(copy.resolve("index.html"), 5000);
        SealedFolder.Result tampered = SealedFolder.run(copy, "sha256sum", "-c", "--quiet", "SHA256SUMS");
        assertThat(tampered.exit()).isNotZero();
        assertThat(tampered.output()).contains("index.html: FAILED");
    }

    @Test
    @Order(8)
    void theNextDrillFollowsUpTheFailuresWithTicketsAndPreflightsChangeNothing() throws Exception {
        Map<String, Map<String, String>> drills = new TreeMap<>();
        for (String name : new String[] {"2026-Q4", "2026-Q4-2"}) {
            drills.put(name, fingerprint(reports.resolve(name)));
        }
        // A pre-flight in between: its own folder, no quarter, not in any trend.
        Instant preflightDay = START.plusSeconds(2 * 86_400);
        Path preflight = writer().write(reports, SampleEvidence.failed(false, preflightDay)
                .withAudit(true, "ops", null, null, null), AllureResultsFixture.write(work.resolve("pf"),
                preflightDay.toEpochMilli()));
        assertThat(preflight).isEqualTo(reports.resolve("preflight/2026-11-26-1"));
        assertThat(Files.readString(preflight.resolve("summary.md"))).contains("PRE-FLIGHT").doesNotContain("## Trend");
        assertThat(preflight.resolve("history")).doesNotExist();
        assertThat(SealedFolder.run(preflight, "sha256sum", "-c", "--quiet", "SHA256SUMS").exit()).isZero();

        // The operator files a ticket for the data loss, next to the report folders.
        Files.writeString(reports.resolve("tickets.txt"), "data-loss/librechat.messages=OPS-9\n");
        Instant next = START.plusSeconds(3 * 86_400);
        DrillEvidence onlyRpo = SampleEvidence.failed(false, next);
        onlyRpo = new DrillEvidence(onlyRpo.drillId(), onlyRpo.scenario(), onlyRpo.title(), false, onlyRpo.operator(), onlyRpo.host(),
                next, next.plusSeconds(600), Verdict.FAIL, onlyRpo.backupManifest(), onlyRpo.stores(),
                onlyRpo.measuredRto(), onlyRpo.checks(), onlyRpo.journey(), List.of(onlyRpo.failures().get(0)));
        Path third = writer().write(reports, onlyRpo, AllureResultsFixture.write(work.resolve("r3"),
                next.toEpochMilli()));

        assertThat(third).isEqualTo(reports.resolve("2026-Q4-3"));
        String md = Files.readString(third.resolve("summary.md"));
        // The previous real drill is 2026-Q4 (2026-Q4-2 was a demo): its RPO breach is still failing, the
        // data loss fixed, with the ticket the operator gave.
        assertThat(md).contains("The previous drill's (2026-Q4) failures",
                "| `rpo-breach/postgres` | **still failing** | — |",
                "| `data-loss/librechat.messages` | fixed | OPS-9 |",
                "| 2026-Q4 | 2026-11-24 | **FAIL** | postgres |", "| 2026-Q4-3 | 2026-11-27 | **FAIL** | postgres |")
                .doesNotContain("| 2026-Q4-2", "preflight", "2026-11-26");
        JsonNode evidence = JSON.readTree(third.resolve("evidence.json").toFile());
        assertThat(evidence.at("/corrective_actions/1/status").asText()).isEqualTo("fixed");
        assertThat(evidence.at("/corrective_actions/1/ticket").asText()).isEqualTo("OPS-9");
        // The chart is inside the one-file report, as a tear-down attachment of the drill's tests.
        SingleFileReport report = SingleFileReport.read(third.resolve("index.html"));
        assertThat(report.files().entrySet()).filteredOn(e -> e.getKey().startsWith("data/attachments/"))
                .extracting(e -> new String(e.getValue(), StandardCharsets.UTF_8))
                .anySatisfy(html -> assertThat(html).contains("<svg", "RTO measured", "2026-Q4-3"));
        assertThat(report.text("data/test-cases/" + testCaseFile(report, AllureResultsFixture.FAILED_TEST)))
                .contains(TrendAttachment.FIXTURE_NAME);
        for (Map.Entry<String, Map<String, String>> drill : drills.entrySet()) {
            assertThat(fingerprint(reports.resolve(drill.getKey()))).isEqualTo(drill.getValue());
        }
    }

    private static String testCaseFile(SingleFileReport report, String testName) {
        return report.files().entrySet().stream().filter(e -> e.getKey().startsWith("data/test-cases/"))
                .filter(e -> new String(e.getValue(), StandardCharsets.UTF_8).contains("\"name\":\"" + testName + "\""))
                .map(e -> e.getKey().substring("data/test-cases/".length())).findFirst().orElseThrow();
    }

    private ReportWriter writer() {
        SecretMasker masker = new SecretMasker().register(AllureResultsFixture.GENERATED_PASSWORD);
        RunEnvironment environment = RunEnvironment.probe(Map.of("restore-drill/postgres:15", "sha256:0123abcd"));
        return new ReportWriter(masker, AllureCli.locate(), environment, line -> {
            phases.add(line);
            LOG.info("[evidence] {}", line);
        });
    }

    /** Path → size, mtime and sha256 of every file and folder: any change to an old report shows here. */
    private static Map<String, String> fingerprint(Path dir) throws IOException {
        Map<String, String> prints = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                String content = Files.isRegularFile(p) ? sha256(Files.readAllBytes(p)) : "dir";
                prints.put(dir.relativize(p).toString(), content + " " + Files.getLastModifiedTime(p));
            }
        }
        return prints;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
