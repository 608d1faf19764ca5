package dev.restoredrill.evidence;

import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.outcome.SecretMasker;

import dev.restoredrill.outcome.Failure;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs a short JSON summary of a finished drill to a webhook: {@code text} (Slack-compatible, one line per
 * failure) plus {@code verdict}, {@code quarter}, {@code scenario}, {@code demo}, {@code preflight},
 * {@code failures[]} and {@code report}. A notification that fails is logged and changes nothing else: the drill's
 * verdict is the evidence, not whether someone was told. The URL's path may hold a webhook token: only its
 * scheme and host are ever logged.
 */
public final class DrillNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(DrillNotifier.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_FAILURES_IN_TEXT = 10;

    private final URI url;
    private final SecretMasker masker;

    public DrillNotifier(URI url, SecretMasker masker) {
        this.url = url;
        this.masker = masker;
    }

    /** The message, as JSON. @param reportFolder the report folder (its path is the "link" on a shared host) */
    public String message(DrillEvidence evidence, Path reportFolder) {
        String folder = reportFolder.getFileName().toString();
        ObjectNode json = EvidenceJson.MAPPER.createObjectNode();
        StringBuilder text = new StringBuilder();
        text.append(evidence.verdict() == Verdict.PASS ? ":white_check_mark: " : ":x: ")
                .append(evidence.demo() ? "DEMO " : "").append(evidence.preflight() ? "Pre-flight " : "Restore drill ")
                .append(folder).append(" (").append(evidence.scenario()).append("): ").append(evidence.verdict());
        int shown = 0;
        for (Failure failure : evidence.failures()) {
            if (shown++ == MAX_FAILURES_IN_TEXT) {
                text.append("\n• … ").append(evidence.failures().size() - MAX_FAILURES_IN_TEXT).append(" more");
                break;
            }
            text.append("\n• ").append(failure.message());
        }
        text.append("\nReport: ").append(reportFolder.toAbsolutePath());
        json.put("text", text.toString());
        json.put("verdict", evidence.verdict().name());
        json.put("quarter", evidence.preflight() ? null : ReportFolders.quarter(evidence.start()));
        json.put("report_folder", folder);
        json.put("scenario", evidence.scenario());
        json.put("demo", evidence.demo());
        json.put("preflight", evidence.preflight());
        json.put("drill_id", evidence.drillId());
        ArrayNode failures = json.putArray("failures");
        evidence.failures().forEach(f -> failures.add(f.message()));
        json.put("report", reportFolder.toAbsolutePath().toString());
        return masker.mask(json.toString());
    }

    /** Sends it; true when the receiver answered 2xx. Never throws. */
    public boolean send(DrillEvidence evidence, Path reportFolder) {
        String where = url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
            HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(message(evidence, reportFolder))).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                LOG.info("[notify] drill summary sent to {} (HTTP {})", where, response.statusCode());
                return true;
            }
            LOG.warn("[notify] {} answered HTTP {}; the drill's verdict ({}) stands, nobody was told by this"
                    + " notification", where, response.statusCode(), evidence.verdict());
        } catch (IOException | RuntimeException e) {
            LOG.warn("[notify] could not reach {}: {}; the drill's verdict ({}) stands", where, e.toString(),
                    evidence.verdict());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("[notify] interrupted while notifying {}; the drill's verdict stands", where);
        }
        return false;
    }
}
