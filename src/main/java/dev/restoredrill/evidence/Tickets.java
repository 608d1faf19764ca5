package dev.restoredrill.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The operator's tickets per failure key: {@code -Ddrill.ticket=rpo-breach/postgres=OPS-12,data-loss/mongodb=OPS-13}
 * and/or {@code <reports>/tickets.txt}, one {@code <failure-key>=<TICKET>} a line ({@code #} starts a comment).
 * The file sits next to the report folders, never inside one: a finished report is never edited. A ticket is
 * carried from drill to drill (evidence.json) until its failure is fixed.
 */
public final class Tickets {
    public static final String PROPERTY = "drill.ticket";
    public static final String FILE_NAME = "tickets.txt";
    private static final Pattern KEY = Pattern.compile("[a-z0-9.-]+/[a-z0-9.-]+");
    private static final Pattern TICKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9#._:/-]{0,99}");

    private Tickets() {}

    /** {@code tickets.txt} under the reports root (if any), then {@value #PROPERTY}, which wins. */
    public static Map<String, String> of(Path reportsRoot, String property) {
        Map<String, String> tickets = new LinkedHashMap<>();
        Path file = reportsRoot.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            try {
                tickets.putAll(parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
            } catch (IOException e) {
                throw new EvidenceException("Cannot read " + file + ": " + e + ".", e);
            }
        }
        if (property != null && !property.isBlank()) {
            tickets.putAll(parse(property, "-D" + PROPERTY));
        }
        return tickets;
    }

    /** Entries separated by commas or line breaks; each {@code <failure-key>=<TICKET>}. */
    public static Map<String, String> parse(String text, String source) {
        Map<String, String> tickets = new LinkedHashMap<>();
        String[] lines = text.split("[,\\n]");
        for (String raw : lines) {
            String line = raw.replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq).strip();
            String ticket = eq < 0 ? "" : line.substring(eq + 1).strip();
            if (!KEY.matcher(key).matches() || !TICKET.matcher(ticket).matches()) {
                throw new EvidenceException(source + ": expected '<failure-key>=<TICKET>' (a key as the report's"
                        + " failures table names it, e.g. 'rpo-breach/postgres=OPS-123'), found '" + line + "'."
                        + " Copy the key from summary.md's \"Failures and tickets\" table.");
            }
            tickets.put(key, ticket);
        }
        return tickets;
    }
}
