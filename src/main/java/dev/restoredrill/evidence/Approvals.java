package dev.restoredrill.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code approvals.txt}: approvals given after the drill, one line each, appended, never rewritten; evidence.json
 * is not touched. Each line names the approver, when, and the sha256 of the folder's {@code SHA256SUMS}, so it
 * approves exactly the files listed there; an approval refused when the folder no longer matches its sums.
 * <pre>2026-12-01T09:30:00Z	approved-by=Dana Ops	SHA256SUMS-sha256=3f1c…</pre>
 */
public final class Approvals {
    public static final String FILE_NAME = "approvals.txt";
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} .,'@()_-]{2,100}");

    private Approvals() {}

    /** Appends one approval; returns the line written. */
    public static String append(Path reportFolder, String approver, Instant when) {
        String name = approver == null ? "" : approver.strip();
        if (!NAME.matcher(name).matches()) {
            throw new EvidenceException("Expected the approver's name (2–100 letters, digits, spaces,"
                    + " . , ' @ ( ) _ -), found '" + name + "'. Give it in quotes:"
                    + " scripts/approve.sh reports/2026-Q4 \"Dana Ops\".");
        }
        Path sums = reportFolder.resolve(Sha256Sums.FILE_NAME);
        if (!Files.isRegularFile(sums)) {
            throw new EvidenceException("No " + Sha256Sums.FILE_NAME + " in " + reportFolder + ": expected a report"
                    + " folder written by the drill (reports/<YYYY>-Q<n>). Approve the folder itself, not a file"
                    + " in it.");
        }
        try {
            List<String> changed = Sha256Sums.mismatches(reportFolder);
            if (!changed.isEmpty()) {
                throw new EvidenceException("Not approved: " + reportFolder + " no longer matches its "
                        + Sha256Sums.FILE_NAME + " (changed or missing: " + changed + "). The evidence was altered"
                        + " after the drill; find out why before approving anything.");
            }
            String line = when.truncatedTo(ChronoUnit.SECONDS) + "\tapproved-by=" + name + "\t"
                    + Sha256Sums.FILE_NAME + "-sha256=" + Sha256Sums.sha256(sums) + "\n";
            Files.writeString(reportFolder.resolve(FILE_NAME), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            return line.strip();
        } catch (IOException e) {
            throw new EvidenceException("Cannot append to " + reportFolder.resolve(FILE_NAME) + ": " + e + ".", e);
        }
    }

    /** {@code scripts/approve.sh <report folder> "<name>"}. */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: scripts/approve.sh <report folder, e.g. reports/2026-Q4> \"<approver's name>\"");
            System.exit(2);
        }
        try {
            System.out.println("[approve] " + append(Path.of(args[0]), args[1], Instant.now()));
            System.out.println("[approve] appended to " + Path.of(args[0]).resolve(FILE_NAME));
        } catch (EvidenceException e) {
            System.err.println("[approve] " + e.getMessage());
            System.exit(1);
        }
    }
}
