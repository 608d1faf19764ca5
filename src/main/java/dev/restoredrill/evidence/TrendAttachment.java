package dev.restoredrill.evidence;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Puts the trend chart into the Allure report: an HTML attachment of a tear-down fixture ("Trend across drills")
 * in a result container whose children are the drill's tests. A fixture is not a test: the report's counts stay
 * the drill's own, and every test shows the chart under "Tear down". The single-file report embeds it.
 */
final class TrendAttachment {
    static final String FIXTURE_NAME = "Trend across drills: RPO achieved and RTO measured per store";

    private TrendAttachment() {}

    static void write(Path results, String html, Instant drillStart) throws IOException {
        String attachment = UUID.randomUUID() + "-attachment.html";
        Files.writeString(results.resolve(attachment), html, StandardCharsets.UTF_8);
        List<String> children;
        try (Stream<Path> files = Files.list(results)) {
            children = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-result.json"))
                    .map(n -> n.substring(0, n.length() - "-result.json".length())).sorted().toList();
        }
        ObjectNode container = EvidenceJson.MAPPER.createObjectNode();
        container.put("uuid", UUID.randomUUID().toString());
        container.put("name", "Evidence");
        ArrayNode kids = container.putArray("children");
        children.forEach(kids::add);
        ObjectNode after = container.putArray("afters").addObject();
        after.put("name", FIXTURE_NAME);
        after.put("status", "passed");
        after.put("stage", "finished");
        after.put("start", drillStart.toEpochMilli());
        after.put("stop", drillStart.toEpochMilli());
        ObjectNode file = after.putArray("attachments").addObject();
        file.put("name", "trend.html");
        file.put("source", attachment);
        file.put("type", "text/html");
        container.put("start", drillStart.toEpochMilli());
        container.put("stop", drillStart.toEpochMilli());
        Files.writeString(results.resolve(container.get("uuid").asText() + "-container.json"),
                container.toPrettyString(), StandardCharsets.UTF_8);
    }
}
