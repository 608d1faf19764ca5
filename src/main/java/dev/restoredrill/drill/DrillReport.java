package dev.restoredrill.drill;

import dev.restoredrill.evidence.AllureCli;
import dev.restoredrill.evidence.AuditOptions;
import dev.restoredrill.evidence.DrillEvidence;
import dev.restoredrill.evidence.DrillNotifier;
import dev.restoredrill.evidence.EvidenceException;
import dev.restoredrill.evidence.EvidenceJson;
import dev.restoredrill.evidence.ReportListener;
import dev.restoredrill.evidence.ReportWriter;
import dev.restoredrill.evidence.RunEnvironment;
import dev.restoredrill.outcome.SecretMasker;
import dev.restoredrill.evidence.Sha256Sums;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The drill's last step: its evidence (with who ran it, the scenario's version and the RTO verdicts) written to its
 * report folder, then the notification, if one is configured.
 */
final class DrillReport {
    private DrillReport() {
    }

    static Path write(DrillRun run, Path allureResults, List<String> stackImages, Instant end) {
        SecretMasker masker = new SecretMasker();
        run.secrets().forEach(masker::register);
        AuditOptions audit = AuditOptions.fromSystemProperties();
        boolean preflight = run.options().preflightOnly();
        DrillEvidence evidence = EvidenceAssembler.assemble(run, run.drillId(), end)
                .withAudit(preflight, audit.operator(), audit.approver().orElse(null),
                        scenarioSha256(run.plan().file()), null);
        if (!preflight) {
            evidence = evidence.withRto(RtoJudgement.judge(run.plan(), run.restoresIfRun()));
        }
        // The images this drill's containers ran (official or reference), with their ids and digests.
        RunEnvironment environment = RunEnvironment.probe(RunEnvironment.imageIds(stackImages));
        Path reportsRoot = run.options().reports().orElse(Path.of(run.plan().report().directory()));
        Path folder = new ReportWriter(masker, AllureCli.locate(), environment, ReportListener.logging(), null, audit)
                .write(reportsRoot, evidence, allureResults);
        Optional<String> url = audit.notifyUrl().or(() -> run.plan().report().notifyUrl());
        if (url.isPresent()) {
            new DrillNotifier(URI.create(url.get()), masker).send(written(folder, evidence), folder);
        }
        return folder;
    }

    /** The evidence as the folder holds it (with keys, tickets and corrective actions). */
    private static DrillEvidence written(Path folder, DrillEvidence fallback) {
        try {
            return EvidenceJson.read(Files.readString(folder.resolve("evidence.json"), StandardCharsets.UTF_8));
        } catch (IOException | EvidenceException e) {
            return fallback;
        }
    }

    private static String scenarioSha256(Path scenario) {
        try {
            return Sha256Sums.sha256(scenario);
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
