package dev.restoredrill.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Opens a report from disk in headless Chromium, as an auditor's browser would: renders its scripts (Allure's
 * single-file report is drawn by JavaScript), then dumps the DOM or takes a screenshot. Offline by design: no
 * network features, a fresh profile each time. Chromium is Debian's package (scripts/install-chromium.sh).
 */
public final class ReportScreenshot {
    public static final String CHROMIUM_PROPERTY = "drill.chromium";
    private static final List<String> CANDIDATES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final long TIMEOUT_SECONDS = 120;

    private final Path chromium;

    public ReportScreenshot(Path chromium) {
        this.chromium = chromium;
    }

    /** {@value #CHROMIUM_PROPERTY}, else the first of chromium, chromium-browser, google-chrome on the PATH. */
    public static ReportScreenshot locate() {
        String configured = System.getProperty(CHROMIUM_PROPERTY);
        Optional<Path> found = configured != null
                ? Optional.of(Path.of(configured)).filter(Files::isExecutable)
                : CANDIDATES.stream().map(ReportScreenshot::onPath).flatMap(Optional::stream).findFirst();
        return new ReportScreenshot(found.orElseThrow(() -> new EvidenceException("Chromium not found ("
                + (configured != null ? CHROMIUM_PROPERTY + "=" + configured + " is not executable"
                        : "none of " + CANDIDATES + " on the PATH")
                + "): the report check opens index.html in headless Chromium. Install it with"
                + " `bash scripts/install-chromium.sh` (Debian's chromium package).")));
    }

    public Path chromium() {
        return chromium;
    }

    /** The DOM of {@code indexHtml#hash} after 10 s of virtual time (scripts run, data loaded, page drawn). */
    public RenderedReport render(Path indexHtml, String hash) {
        return RenderedReport.of(hash, run(indexHtml, hash, "--dump-dom"));
    }

    /** A 1400×1000 PNG of {@code indexHtml#hash}, as a person would see it. */
    public Path screenshot(Path indexHtml, String hash, Path png) {
        run(indexHtml, hash, "--screenshot=" + png.toAbsolutePath());
        if (!Files.isRegularFile(png)) {
            throw new EvidenceException("Chromium exited without writing the screenshot " + png + ".");
        }
        return png;
    }

    /**
     * {@code page} printed to PDF as Chromium prints it (A4/Letter by locale, no header or footer line with the
     * file's path and date: the page says what it is).
     */
    public Path printToPdf(Path page, Path pdf) {
        run(page, "", "--no-pdf-header-footer", "--print-to-pdf=" + pdf.toAbsolutePath());
        if (!Files.isRegularFile(pdf)) {
            throw new EvidenceException("Chromium exited without writing the PDF " + pdf + ".");
        }
        return pdf;
    }

    private String run(Path indexHtml, String hash, String... actions) {
        String url = indexHtml.toAbsolutePath().toUri() + (hash == null || hash.isEmpty() ? "" : "#" + hash);
        Path profile = null;
        try {
            profile = Files.createTempDirectory("restore-drill-chromium-");
            Path stdout = profile.resolve("stdout.html");
            Path stderr = profile.resolve("stderr.log");
            List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile.resolve("profile"),
                    "--virtual-time-budget=10000", "--window-size=1400,1000"));
            command.addAll(List.of(actions));
            command.add(url);
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new EvidenceException("Chromium did not render " + url + " within " + TIMEOUT_SECONDS + " s.");
            }
            if (process.exitValue() != 0) {
                throw new EvidenceException("Chromium exited " + process.exitValue() + " rendering " + url
                        + "; its last message: " + lastLine(stderr));
            }
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EvidenceException("Cannot run " + chromium + " on " + url + ": " + e + ".", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EvidenceException("Interrupted while Chromium rendered " + url + ".", e);
        } finally {
            deleteQuietly(profile);
        }
    }

    private static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return lines.isEmpty() ? "(none)" : lines.get(lines.size() - 1);
    }

    /** Only the temporary profile this class created. */
    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp profile is harmless
        }
    }
}
