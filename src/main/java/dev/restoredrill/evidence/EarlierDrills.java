package dev.restoredrill.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drills before this one, from the {@code evidence.json} of the quarter folders under {@code reports/}
 * (oldest first). Pre-flights live under {@code reports/preflight/} and are never read here. A demo drill is
 * never evidence: a real drill's trend and corrective actions leave demo drills out; a demo drill sees both
 * (so trying the harness shows a trend), its own kind marked as such.
 */
public final class EarlierDrills {
    private static final Logger LOG = LoggerFactory.getLogger(EarlierDrills.class);

    private EarlierDrills() {}

    public static List<PastDrill> before(Path reportsRoot, Path current, boolean includeDemo) {
        if (!Files.isDirectory(reportsRoot)) {
            return List.of();
        }
        List<PastDrill> drills = new ArrayList<>();
        try (Stream<Path> folders = Files.list(reportsRoot)) {
            long currentOrder = ReportFolders.order(current);
            for (Path folder : folders.filter(ReportFolders::isDrillFolder)
                    .filter(f -> ReportFolders.order(f) < currentOrder)
                    .sorted(Comparator.comparingLong(ReportFolders::order)).toList()) {
                Path json = folder.resolve("evidence.json");
                if (!Files.isRegularFile(json)) {
                    continue;
                }
                try {
                    DrillEvidence evidence = EvidenceJson.read(Files.readString(json, StandardCharsets.UTF_8));
                    if (!evidence.preflight() && (includeDemo || !evidence.demo())) {
                        drills.add(new PastDrill(folder.getFileName().toString(), evidence));
                    }
                } catch (EvidenceException | IOException e) {
                    LOG.warn("[evidence] {} is left out of the trend: {}", json, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new EvidenceException("Cannot list the report folders in " + reportsRoot + ": " + e + ".", e);
        }
        return drills;
    }
}
