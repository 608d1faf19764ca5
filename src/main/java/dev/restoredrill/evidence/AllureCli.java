package dev.restoredrill.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Allure command line, unpacked by the build from Maven Central (io.qameta.allure:allure-commandline, zip)
 * into {@code target/allure-commandline}. It needs only java: this JVM's is handed to it.
 */
public final class AllureCli {
    public static final String VERSION = "2.34.1";
    public static final String HOME_PROPERTY = "drill.allure.home";
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final int LOG_TAIL_LINES = 20;

    private final Path home;

    public AllureCli(Path home) {
        this.home = home;
    }

    /** From {@value #HOME_PROPERTY}, else {@code target/allure-commandline/allure-<VERSION>}; checked here. */
    public static AllureCli locate() {
        Path home = Path.of(System.getProperty(HOME_PROPERTY, "target/allure-commandline/allure-" + VERSION));
        if (!Files.isRegularFile(home.resolve("bin/allure"))) {
            throw new EvidenceException("Allure command line not found: expected " + home.toAbsolutePath()
                    + "/bin/allure. Run `mvn pre-integration-test` (it unpacks io.qameta.allure:allure-commandline:"
                    + VERSION + " into target/allure-commandline) or set -D" + HOME_PROPERTY + "=<unpacked dir>.");
        }
        return new AllureCli(home);
    }

    public Path home() {
        return home;
    }

    /**
     * {@code allure generate --single-file --clean --report-name <name> -o <outputDir> <resultsDir>}, analytics off
     * (ALLURE_NO_ANALYTICS: the report must not call out to anyone when an auditor opens it).
     *
     * @param reportName shown at the top of the report's overview
     * @return the generated {@code index.html}
     */
    public Path generateSingleFile(Path resultsDir, Path outputDir, String reportName, Path logFile) {
        List<String> command = List.of("sh", home.resolve("bin/allure").toString(), "generate", "--single-file",
                "--clean", "--report-name", reportName, "-o", outputDir.toString(), resultsDir.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("ALLURE_NO_ANALYTICS", "true");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw failure("did not finish within " + TIMEOUT.toMinutes() + " min", logFile);
            }
            Path index = outputDir.resolve("index.html");
            if (process.exitValue() != 0 || !Files.isRegularFile(index)) {
                throw failure("exited " + process.exitValue() + " without writing " + index, logFile);
            }
            return index;
        } catch (IOException e) {
            throw new EvidenceException("Cannot run the Allure command line in " + home + ": " + e
                    + ". Check that java and sh are on this machine.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EvidenceException("Interrupted while Allure generated the report from " + resultsDir + ".", e);
        }
    }

    private static EvidenceException failure(String what, Path logFile) {
        String tail;
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            tail = String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            tail = "(no log: " + e + ")";
        }
        return new EvidenceException("allure generate " + what + ". The raw results are kept in the report folder;"
                + " rerun it by hand to see why. Its output ended with:\n" + tail);
    }
}
