package dev.restoredrill.evidence;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The report folders under {@code reports/}: one per quarterly drill, {@code 2026-Q4}, then {@code 2026-Q4-2},
 * {@code 2026-Q4-3}… for further runs in the same quarter. A folder is claimed by creating it, atomically, so an
 * existing report is never written into, whoever else is writing one at the same time.
 */
public final class ReportFolders {
    private static final Pattern NAME = Pattern.compile("(\\d{4})-Q([1-4])(?:-(\\d+))?");
    private static final int MAX_RUNS_PER_QUARTER = 10_000;
    /** Pre-flights' folder under the reports root. */
    public static final String PREFLIGHT = "preflight";

    private ReportFolders() {}

    /** The quarter of the drill's start, in UTC: {@code 2026-Q4}. */
    public static String quarter(Instant drillStart) {
        ZonedDateTime utc = drillStart.atZone(ZoneOffset.UTC);
        return utc.getYear() + "-Q" + ((utc.getMonthValue() - 1) / 3 + 1);
    }

    /** Creates and returns the first free folder for the drill's quarter; existing folders are left untouched. */
    public static Path claim(Path reportsRoot, Instant drillStart) {
        String quarter = quarter(drillStart);
        try {
            Files.createDirectories(reportsRoot);
            for (int run = 1; run <= MAX_RUNS_PER_QUARTER; run++) {
                Path candidate = reportsRoot.resolve(run == 1 ? quarter : quarter + "-" + run);
                try {
                    return Files.createDirectory(candidate);
                } catch (FileAlreadyExistsException taken) {
                    // an earlier run's evidence: never reused
                }
            }
        } catch (IOException e) {
            throw new EvidenceException("Cannot create a report folder under " + reportsRoot + ": " + e
                    + ". Check that the reports directory is writable.", e);
        }
        throw new EvidenceException("Found " + MAX_RUNS_PER_QUARTER + " report folders for " + quarter + " under "
                + reportsRoot + "; expected a few. Archive old runs elsewhere before drilling again.");
    }

    /**
     * The newest report folder before {@code current} that has a {@code history/} folder (Allure's trend
     * data), by quarter then run number: the one whose history the new report carries on.
     */
    public static Optional<Path> previousWithHistory(Path reportsRoot, Path current) {
        if (!Files.isDirectory(reportsRoot)) {
            return Optional.empty();
        }
        try (Stream<Path> folders = Files.list(reportsRoot)) {
            long currentOrder = order(current);
            return folders.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                    .filter(f -> order(f) < currentOrder)
                    .filter(f -> Files.isDirectory(f.resolve("history")))
                    .max(Comparator.comparingLong(ReportFolders::order));
        } catch (IOException e) {
            throw new EvidenceException("Cannot list the report folders in " + reportsRoot + ": " + e + ".", e);
        }
    }

    /**
     * Creates {@code <reportsRoot>/preflight/<YYYY-MM-DD>-<n>/} for a pre-flight (the date of its start, UTC, n
     * from 1): a pre-flight is not a drill, so it never takes a quarter's folder.
     */
    public static Path claimPreflight(Path reportsRoot, Instant start) {
        Path root = reportsRoot.resolve(PREFLIGHT);
        String date = start.atZone(ZoneOffset.UTC).toLocalDate().toString();
        try {
            Files.createDirectories(root);
            for (int run = 1; run <= MAX_RUNS_PER_QUARTER; run++) {
                try {
                    return Files.createDirectory(root.resolve(date + "-" + run));
                } catch (FileAlreadyExistsException taken) {
                    // an earlier pre-flight's record: never reused
                }
            }
        } catch (IOException e) {
            throw new EvidenceException("Cannot create a pre-flight folder under " + root + ": " + e
                    + ". Check that the reports directory is writable.", e);
        }
        throw new EvidenceException("Found " + MAX_RUNS_PER_QUARTER + " pre-flight folders for " + date + " under "
                + root + "; expected a few. Archive old ones elsewhere.");
    }

    /** A quarter's drill folder ({@code 2026-Q4}, {@code 2026-Q4-2}), not {@code preflight/} or anything else. */
    public static boolean isDrillFolder(Path folder) {
        return Files.isDirectory(folder) && NAME.matcher(folder.getFileName().toString()).matches();
    }

    static long order(Path folder) {
        Matcher m = NAME.matcher(folder.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a report folder: " + folder);
        }
        long run = m.group(3) == null ? 1 : Long.parseLong(m.group(3));
        return (Long.parseLong(m.group(1)) * 10 + Long.parseLong(m.group(2))) * 1_000_000L + run;
    }
}
