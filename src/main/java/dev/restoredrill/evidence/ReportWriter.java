package dev.restoredrill.evidence;

import dev.restoredrill.outcome.SecretMasker;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes a drill's report folder {@code reports/<YYYY>-Q<n>[-<run>]/}: {@code index.html} (the Allure report, one
 * self-contained file), {@code history/} (its trend data, carried into the next report), {@code allure-results/}
 * (the raw results, masked, with environment, executor and categories), {@code evidence.json},
 * {@code summary.md}, {@code summary.html} and {@code evidence.pdf} (printed from it), then {@code SHA256SUMS}
 * over all of them (and its signature when a GnuPG key is configured). A pre-flight goes to
 * {@code preflight/<date>-<n>/}, with no trend and no history. Never writes into an existing folder; every text
 * passes through the {@link SecretMasker}.
 */
public final class ReportWriter {
    private static final ObjectMapper ALLURE_JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final SecretMasker masker;
    private final AllureCli allure;
    private final RunEnvironment environment;
    private final ReportListener listener;
    private final AuditOptions audit;
    private ReportScreenshot chromium;

    /**
     * @param chromium prints evidence.pdf; null: found on the PATH when first needed ({@link ReportScreenshot#locate})
     */
    public ReportWriter(SecretMasker masker, AllureCli allure, RunEnvironment environment, ReportListener listener,
            ReportScreenshot chromium, AuditOptions audit) {
        this.masker = masker;
        this.allure = allure;
        this.environment = environment;
        this.listener = listener;
        this.chromium = chromium;
        this.audit = audit;
    }

    public ReportWriter(SecretMasker masker, AllureCli allure, RunEnvironment environment, ReportListener listener) {
        this(masker, allure, environment, listener, null, AuditOptions.none());
    }

    public ReportWriter(SecretMasker masker, AllureCli allure, RunEnvironment environment) {
        this(masker, allure, environment, ReportListener.logging());
    }

    /**
     * @param allureResultsDir the raw results of the drill's test run (allure.results.directory)
     * @return the new report folder
     */
    public Path write(Path reportsRoot, DrillEvidence evidence, Path allureResultsDir) {
        if (!Files.isDirectory(allureResultsDir)) {
            throw new EvidenceException("No Allure results at " + allureResultsDir.toAbsolutePath() + ": expected"
                    + " the drill's test run to write them there (system property allure.results.directory).");
        }
        Path reportDir = evidence.preflight() ? ReportFolders.claimPreflight(reportsRoot, evidence.start())
                : ReportFolders.claim(reportsRoot, evidence.start());
        String folderName = reportDir.getFileName().toString();
        listener.phase("report folder " + reportDir);
        try {
            if (evidence.harnessCommit() == null) {
                evidence = evidence.withAudit(evidence.preflight(), evidence.operator(), evidence.approver(),
                        evidence.scenarioSha256(), environment.gitCommit());
            }
            List<TrendPoint> trend = List.of();
            Map<String, String> tickets = Tickets.of(reportsRoot, audit.ticketSpec());
            if (evidence.preflight()) {
                evidence = CorrectiveActions.apply(evidence, Optional.empty(), tickets); // keys and tickets only
            } else {
                List<PastDrill> earlier = EarlierDrills.before(reportsRoot, reportDir, evidence.demo());
                Optional<PastDrill> previous = earlier.isEmpty() ? Optional.empty()
                        : Optional.of(earlier.get(earlier.size() - 1));
                evidence = CorrectiveActions.apply(evidence, previous, tickets);
                trend = TrendPoint.of(earlier, folderName, evidence);
                listener.phase("trend: " + trend.size() + " drills; corrective actions: "
                        + evidence.correctiveActions().size() + " from " + previous.map(PastDrill::folder)
                        .orElse("no earlier drill"));
            }

            Path results = reportDir.resolve("allure-results");
            long started = System.nanoTime();
            int files = masker.maskTree(allureResultsDir, results);
            listener.phase("raw results: " + files + " files, " + bytes(results) + " bytes, masked in "
                    + millis(started) + " ms");

            writeMasked(results.resolve("environment.properties"), environment.toPropertiesText());
            writeMasked(results.resolve("executor.json"), json(ExecutorInfo.of(evidence, folderName)));
            writeMasked(results.resolve("categories.json"), json(FailureCategories.ALL));
            if (!trend.isEmpty()) {
                TrendAttachment.write(results, masker.mask(TrendChart.page(trend)), evidence.start());
            }

            Optional<Path> previous = evidence.preflight() ? Optional.empty()
                    : ReportFolders.previousWithHistory(reportsRoot, reportDir);
            if (previous.isPresent()) {
                int carried = masker.maskTree(previous.get().resolve("history"), results.resolve("history"));
                listener.phase("history: " + carried + " files carried over from " + previous.get().getFileName());
            } else {
                listener.phase("history: none before this report (first drill here, or a pre-flight)");
            }

            // The evidence is written before the HTML, so it is kept even if Allure fails.
            writeMasked(reportDir.resolve("evidence.json"), EvidenceJson.write(evidence));
            String summary = SummaryWriter.render(evidence, folderName, trend);
            writeMasked(reportDir.resolve("summary.md"), summary);
            writeMasked(reportDir.resolve("summary.html"), SummaryHtml.render(summary,
                    reportName(evidence, folderName), trend));

            EvidenceException late = null;
            try {
                generateHtml(results, reportDir, masker.mask(reportName(evidence, folderName)),
                        !evidence.preflight());
                long printed = System.nanoTime();
                chromium().printToPdf(reportDir.resolve("summary.html"), reportDir.resolve("evidence.pdf"));
                listener.phase("evidence.pdf: " + Files.size(reportDir.resolve("evidence.pdf")) + " bytes in "
                        + millis(printed) + " ms");
            } catch (EvidenceException e) {
                late = e;
            }
            // Sealed last, over whatever was written, also when the HTML or the PDF failed.
            int listed = Sha256Sums.write(reportDir);
            listener.phase(Sha256Sums.FILE_NAME + ": " + listed + " files");
            if (audit.gpgKey().isPresent()) {
                Path signature = new GpgSigner(audit.gpgKey().get(), audit.gnupgHome())
                        .sign(reportDir.resolve(Sha256Sums.FILE_NAME));
                listener.phase("signed: " + signature.getFileName() + " (key " + audit.gpgKey().get() + ")");
            }
            if (late != null) {
                throw late;
            }
            return reportDir;
        } catch (IOException e) {
            throw new EvidenceException("Writing the report into " + reportDir + " failed: " + e + ". The folder"
                    + " is kept as it is (reports are never overwritten); the next run writes a new one.", e);
        }
    }

    private synchronized ReportScreenshot chromium() {
        if (chromium == null) {
            chromium = ReportScreenshot.locate();
        }
        return chromium;
    }

    /** The overview's title: the verdict is the first thing an auditor sees. */
    static String reportName(DrillEvidence evidence, String folderName) {
        return (evidence.demo() ? "DEMO — " : "") + evidence.title() + " " + folderName + " (" + evidence.scenario()
                + "): " + evidence.verdict();
    }

    /** @param keepHistory false for a pre-flight: no later report carries its trend on */
    private void generateHtml(Path results, Path reportDir, String reportName, boolean keepHistory)
            throws IOException {
        Path work = Files.createTempDirectory("restore-drill-allure-");
        try {
            long started = System.nanoTime();
            Path index = allure.generateSingleFile(results, work.resolve("report"), reportName,
                    work.resolve("allure.log"));
            listener.phase("allure generate --single-file: " + Files.size(index) + " bytes in " + millis(started)
                    + " ms");
            Files.copy(index, reportDir.resolve("index.html"), StandardCopyOption.COPY_ATTRIBUTES);
            int history = keepHistory ? SingleFileReport.read(reportDir.resolve("index.html"))
                    .writeHistory(reportDir.resolve("history")) : 0;
            listener.phase("index.html and history/ (" + history + " files) written to " + reportDir);
        } finally {
            deleteTree(work);
        }
    }

    private void writeMasked(Path file, String text) throws IOException {
        Files.writeString(file, masker.mask(text), StandardCharsets.UTF_8);
    }

    static String json(Object value) {
        try {
            return ALLURE_JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Allure's metadata records map to JSON", e);
        }
    }

    private static long bytes(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static long millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** Only the temporary directory this writer created: never a report folder. */
    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
