package dev.restoredrill.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data Allure embeds in a {@code --single-file} report: each of its files (data/…, widgets/…, history/…) as
 * {@code d('path','base64')} in a script. No {@code history/} folder is written in that mode, so the trend
 * history a later report needs is read back from here.
 */
public final class SingleFileReport {
    private static final Pattern ENTRY = Pattern.compile("\\bd\\('([^']+)','([A-Za-z0-9+/=]*)'\\)");

    private final Map<String, byte[]> files;

    private SingleFileReport(Map<String, byte[]> files) {
        this.files = files;
    }

    /** Reads the embedded files; the report is a few MB of text, read whole. */
    public static SingleFileReport read(Path indexHtml) {
        String html;
        try {
            html = Files.readString(indexHtml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EvidenceException("Cannot read the Allure report " + indexHtml + ": " + e + ".", e);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(html);
        while (m.find()) {
            files.put(m.group(1), Base64.getDecoder().decode(m.group(2)));
        }
        if (files.isEmpty()) {
            throw new EvidenceException(indexHtml + " has no embedded report data (d('path','base64') entries):"
                    + " expected a report written by `allure generate --single-file`.");
        }
        return new SingleFileReport(files);
    }

    /** Embedded path → content, e.g. "data/categories.json", "history/history-trend.json". */
    public Map<String, byte[]> files() {
        return Map.copyOf(files);
    }

    public String text(String path) {
        byte[] content = files.get(path);
        if (content == null) {
            throw new EvidenceException("The report embeds no " + path + "; it has " + files.keySet() + ".");
        }
        return new String(content, StandardCharsets.UTF_8);
    }

    /** Writes the embedded history/*.json files into {@code targetDir}; returns how many. */
    public int writeHistory(Path targetDir) throws IOException {
        Files.createDirectories(targetDir);
        int written = 0;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String path = file.getKey();
            if (path.startsWith("history/") && path.indexOf('/', "history/".length()) < 0 && !path.contains("..")) {
                Files.write(targetDir.resolve(path.substring("history/".length())), file.getValue());
                written++;
            }
        }
        return written;
    }
}
