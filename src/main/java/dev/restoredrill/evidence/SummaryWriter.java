package dev.restoredrill.evidence;

import dev.restoredrill.outcome.Verdict;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** summary.md: the drill on one page, for an auditor who will not open the HTML report. */
public final class SummaryWriter {
    public static final String DEMO_BANNER = "DEMO DRILL — generated backups, not evidence";
    /** A quote line summary.html draws in red letters (a drill allowed to reach outside itself). */
    public static final String RED_LINE = "> 🟥 ";
    public static final String PREFLIGHT_BANNER = "PRE-FLIGHT — backups checked only; not a drill, not in the trend";

    private SummaryWriter() {}

    /** The page, unmasked: the caller masks it with the run's {@link SecretMasker} before writing it. */
    public static String render(DrillEvidence e, String reportFolderName) {
        return render(e, reportFolderName, List.of());
    }

    /** @param trend the earlier drills then this one ({@link TrendPoint#of(List, String, DrillEvidence)}) */
    public static String render(DrillEvidence e, String reportFolderName, List<TrendPoint> trend) {
        StringBuilder md = new StringBuilder();
        md.append(e.preflight() ? "# Pre-flight " : "# " + cell(e.title()) + " ").append(reportFolderName)
                .append(" — ").append(cell(e.scenario())).append("\n\n");
        if (e.demo()) {
            md.append("> **").append(DEMO_BANNER).append("**\n\n");
        }
        if (e.preflight()) {
            md.append("> **").append(PREFLIGHT_BANNER).append("**\n\n");
        }
        if (e.isolation() != null && e.isolation().egressWarning() != null) {
            md.append(RED_LINE).append("**").append(e.isolation().egressWarning()).append("**\n\n");
        }
        md.append("**Verdict: ").append(e.verdict()).append("**\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Drill id", e.drillId());
        row(md, "Scenario", e.scenario());
        row(md, "Operator", e.operator());
        row(md, "Approver", e.approver() == null ? "not yet (scripts/approve.sh appends to approvals.txt)"
                : e.approver());
        row(md, "Scenario sha256", e.scenarioSha256());
        row(md, "Harness commit", e.harnessCommit());
        row(md, "Host", e.host());
        row(md, "Start", String.valueOf(e.start()));
        row(md, "End", e.end() == null ? "—" : e.end().toString());
        row(md, "Duration", e.end() == null ? "—" : HumanDuration.of(Duration.between(e.start(), e.end())));
        md.append('\n');

        storesTable(md, e);
        PickSummary.render(md, e);
        rtoTable(md, e.rto());
        ThroughputSummary.render(md, e.throughput());
        checksTable(md, e.checks());
        journeyTable(md, e.journey());
        isolation(md, e.isolation());
        MigrationsSummary.render(md, e.platform());

        md.append("## Failures\n\n");
        if (e.failures().isEmpty()) {
            md.append("None.\n");
        } else {
            for (int i = 0; i < e.failures().size(); i++) {
                md.append(i + 1).append(". ").append(cell(e.failures().get(i).message())).append('\n');
            }
        }
        ticketsTable(md, e.trackedFailures());
        if (!e.preflight()) {
            correctiveActions(md, e.correctiveActions(), trend);
            trendTable(md, trend);
        }
        return md.toString();
    }

    private static void rtoTable(StringBuilder md, List<RtoOutcome> rto) {
        if (rto.isEmpty()) {
            return;
        }
        md.append("## RTO: target, measured, verdict\n\n| Store | RTO target | Measured | Verdict |\n"
                + "|---|---|---|---|\n");
        for (RtoOutcome r : rto) {
            md.append("| ").append(cell(r.subject())).append(" | ").append(HumanDuration.of(r.target()))
                    .append(" | ").append(HumanDuration.of(r.measured())).append(" | ")
                    .append(r.missed() ? "**" + r.verdict() + "**" : r.verdict()).append(" |\n");
        }
        md.append('\n');
    }

    private static void ticketsTable(StringBuilder md, List<TrackedFailure> tracked) {
        if (tracked.isEmpty()) {
            return;
        }
        md.append("\n## Failures and tickets\n\nRecord a ticket with `-Ddrill.ticket=<key>=<TICKET>` or a line"
                + " `<key>=<TICKET>` in `reports/tickets.txt`; it is carried to the next drills until fixed.\n\n"
                + "| Key | Ticket | Failure |\n|---|---|---|\n");
        for (TrackedFailure f : tracked) {
            md.append("| `").append(f.key()).append("` | ").append(cell(f.ticket() == null ? "none yet" : f.ticket()))
                    .append(" | ").append(cell(f.message())).append(" |\n");
        }
    }

    private static void correctiveActions(StringBuilder md, List<CorrectiveAction> actions, List<TrendPoint> trend) {
        md.append("\n## Corrective actions\n\n");
        String previous = trend.size() >= 2 ? trend.get(trend.size() - 2).drill() : null;
        if (previous == null) {
            md.append("No earlier drill in this reports folder.\n");
        } else if (actions.isEmpty()) {
            md.append("The previous drill (").append(cell(previous)).append(") had no failures.\n");
        } else {
            md.append("The previous drill's (").append(cell(previous)).append(") failures, as this drill found them:"
                    + "\n\n| Key | Now | Ticket | Previous drill found |\n|---|---|---|---|\n");
            for (CorrectiveAction a : actions) {
                md.append("| `").append(a.key()).append("` | ")
                        .append(CorrectiveAction.FIXED.equals(a.status()) ? a.status() : "**" + a.status() + "**")
                        .append(" | ").append(cell(a.ticket())).append(" | ").append(cell(a.previousMessage()))
                        .append(" |\n");
            }
        }
    }

    private static void trendTable(StringBuilder md, List<TrendPoint> trend) {
        if (trend.isEmpty()) {
            return;
        }
        md.append("\n## Trend: RPO achieved and RTO measured per store\n\n"
                + "| Drill | Start | Verdict | Store | RPO achieved (backup age) | RTO measured (restore time) |\n"
                + "|---|---|---|---|---|---|\n");
        for (TrendPoint p : trend) {
            String drill = cell(p.drill()) + (p.demo() ? " (demo)" : "");
            for (TrendPoint.StorePoint s : p.stores()) {
                md.append("| ").append(drill).append(" | ").append(p.start().toString(), 0, 10).append(" | ")
                        .append(verdict(p.verdict())).append(" | ").append(cell(s.store())).append(" | ")
                        .append(HumanDuration.of(s.rpoAge())).append(" | ").append(HumanDuration.of(s.rto()))
                        .append(" |\n");
            }
            md.append("| ").append(drill).append(" | ").append(p.start().toString(), 0, 10).append(" | ")
                    .append(verdict(p.verdict())).append(" | ").append(RtoOutcome.WHOLE_DRILL).append(" | — | ")
                    .append(HumanDuration.of(p.totalRto())).append(" |\n");
        }
    }

    /** An S3 or restic source named, with what was fetched (a local directory needs no line). */
    private static void offHostSource(StringBuilder md, JsonNode manifest) {
        JsonNode source = manifest == null ? null : manifest.path("source");
        if (source == null || !source.isObject() || "directory".equals(source.path("kind").asText())) {
            return;
        }
        md.append("Backups read from `").append(source.path("uri").asText()).append('`');
        if (!source.path("snapshot_id").isNull() && !source.path("snapshot_id").isMissingNode()) {
            md.append(", snapshot `").append(source.path("snapshot_id").asText()).append("` of ")
                    .append(source.path("snapshot_time").asText());
        }
        md.append(": ").append(source.path("fetches").size()).append(" file(s), ")
                .append(source.path("bytes_fetched").asLong()).append(" bytes fetched")
                .append(source.path("fault").isTextual() ? "; source unavailable: " + cell(source.path("fault")
                        .asText()) : "").append(".\n\n");
    }

    private static void storesTable(StringBuilder md, DrillEvidence e) {
        md.append("## RPO and RTO per store\n\n");
        offHostSource(md, e.backupManifest());
        List<BackupFacts> backups = BackupFacts.fromManifest(e.backupManifest());
        Set<String> stores = new LinkedHashSet<>();
        e.stores().forEach(s -> stores.add(s.store()));
        backups.forEach(b -> stores.add(b.store()));
        if (stores.isEmpty()) {
            md.append("No store was restored.\n\n");
        } else {
            md.append("| Store | Backup | Backup date | Age | RPO | RPO met | Verdict | Restore time"
                    + " | Completeness |\n");
            md.append("|---|---|---|---|---|---|---|---|---|\n");
            for (String store : stores) {
                BackupFacts b = BackupFacts.forStore(backups, store).orElse(null);
                StoreOutcome s = e.stores().stream().filter(o -> store.equals(o.store())).findFirst().orElse(null);
                md.append("| ").append(cell(store))
                        .append(" | ").append(cell(b == null ? null : b.fileName()))
                        .append(" | ").append(cell(b == null ? null : b.restoredDate()))
                        .append(" | ").append(b == null ? "—" : HumanDuration.of(b.restoredAge()))
                        .append(" | ").append(b == null ? "—" : HumanDuration.of(b.rpoTarget()))
                        .append(" | ").append(b == null || b.rpoMet() == null ? "—" : b.rpoMet() ? "yes" : "**no**")
                        .append(" | ").append(verdict(s != null ? s.verdict() : b == null ? null : b.verdict()))
                        .append(" | ").append(s == null ? "—" : HumanDuration.of(s.restoreTime()))
                        .append(" | ").append(cell(s == null ? null : s.completeness()))
                        .append(" |\n");
            }
            md.append('\n');
        }
        md.append("**RTO (measured, total): ").append(HumanDuration.of(e.measuredRto())).append("**\n\n");
        for (StoreOutcome s : e.stores()) {
            if (!s.differences().isEmpty()) {
                md.append("Differences in ").append(cell(s.store())).append(":\n");
                s.differences().forEach(d -> md.append("- ").append(cell(d)).append('\n'));
                md.append('\n');
            }
        }
    }

    private static void checksTable(StringBuilder md, List<CheckOutcomeView> checks) {
        md.append("## Checks\n\n");
        if (checks.isEmpty()) {
            md.append("No checks ran.\n\n");
            return;
        }
        md.append("| Check | Store | Severity | Verdict | Expected | Actual | Message |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (CheckOutcomeView c : checks) {
            md.append("| ").append(cell(c.name())).append(" | ").append(cell(c.store())).append(" | ")
                    .append(cell(c.severity())).append(" | ").append(verdict(c.verdict())).append(" | ")
                    .append(cell(c.expected())).append(" | ").append(cell(c.actual())).append(" | ")
                    .append(cell(c.message())).append(" |\n");
        }
        md.append('\n');
        long unsupported = checks.stream().filter(c -> c.verdict() == Verdict.NOT_SUPPORTED).count();
        if (unsupported > 0) {
            md.append(checks.stream().filter(c -> c.verdict().passed()).count()).append(" of ").append(checks.size())
                    .append(" checks passed; ").append(unsupported).append(" not supported by this server (nothing "
                    + "verified, not counted as passed).\n\n");
        }
    }

    private static void journeyTable(StringBuilder md, List<JourneyStepView> steps) {
        md.append("## App journey\n\n");
        if (steps.isEmpty()) {
            md.append("The journey did not run.\n\n");
            return;
        }
        md.append("| # | Step | Verdict | Message |\n|---|---|---|---|\n");
        for (JourneyStepView s : steps) {
            md.append("| ").append(s.number()).append(" | ").append(cell(s.name())).append(" | ")
                    .append(verdict(s.verdict())).append(" | ").append(cell(s.message())).append(" |\n");
        }
        md.append('\n');
    }

    /** The drill host, its networks, what was open, and the egress probe (issue 12). */
    private static void isolation(StringBuilder md, IsolationEvidence iso) {
        md.append("## Isolation\n\n");
        if (iso == null) {
            md.append("Not measured: the drill stack did not run.\n\n");
            return;
        }
        md.append("**Isolation: ").append(iso.verdict()).append("**\n\n| | |\n|---|---|\n");
        row(md, "Drill host", iso.engineAddress() + " (Docker " + iso.engineVersion() + ")");
        row(md, "Drill networks", iso.networks().isEmpty() ? null : String.join(", ", iso.networks().stream()
                .map(n -> n.name() + (n.internal() ? " (internal)" : " (NOT internal: has a route out)")).toList()));
        row(md, "Bind mounts", iso.bindMounts().isEmpty() ? "none" : String.join("; ", iso.bindMounts()));
        row(md, "Published ports", iso.publishedPorts().isEmpty() ? "none (but the harness's ambassadors)"
                : String.join("; ", iso.publishedPorts()));
        row(md, "Harness ambassadors", iso.ambassadors().isEmpty() ? "none" : String.join("; ", iso.ambassadors()));
        if (iso.probe() != null) {
            row(md, "Egress probe, inside", (iso.probe().insideBlocked() ? "blocked" : "**CONNECTED**") + " — "
                    + iso.probe().target() + " from the drill network");
            row(md, "Egress probe, control", (iso.probe().outsideReached() ? "connected" : "**FAILED**") + " — "
                    + iso.probe().target() + " from the test host's network");
        }
        row(md, "Egress allowed", iso.allowedEgress().isEmpty() ? "none" : "**" + String.join(", ",
                iso.allowedEgress()) + "**");
        md.append('\n');
        for (String problem : iso.problems()) {
            md.append("- ").append(cell(problem)).append('\n');
        }
        if (!iso.problems().isEmpty()) {
            md.append('\n');
        }
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(cell(value)).append(" |\n");
    }

    /** Anything but PASS in bold, so a failure stands out on the page. */
    static String verdict(Verdict verdict) {
        if (verdict == null) {
            return "—";
        }
        return verdict.passed() ? verdict.name() : "**" + verdict.name() + "**";
    }

    /** One table cell: pipes escaped, line breaks flattened, absent as a dash. */
    static String cell(String text) {
        if (text == null || text.isBlank()) {
            return "—";
        }
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", " ⏎ ").strip();
    }
}
