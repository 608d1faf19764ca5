package dev.restoredrill.evidence;

import java.util.List;

/** The summary's table of each data-moving phase's bytes, time and rate per store (issue 16). */
final class ThroughputSummary {

    private ThroughputSummary() {}

    static void render(StringBuilder md, List<PhaseThroughput> phases) {
        if (phases.isEmpty()) {
            return;
        }
        md.append("## Throughput\n\nMB = 10^6 bytes. Catalog and re-hash: the backup file read; restore: the backup"
                + " file's bytes over the time the restore moved data (its extraction and load; the services' start is"
                + " in the RTO table); a full read: what the check read"
                + " from the restored store. A phase that failed or did not run has no rate.\n\n"
                + "| Phase | Store | Bytes | Time | Rate |\n|---|---|---|---|---|\n");
        for (PhaseThroughput p : phases) {
            md.append("| ").append(SummaryWriter.cell(p.check() == null ? p.phase() : p.phase() + ": " + p.check()))
                    .append(" | ").append(SummaryWriter.cell(p.store())).append(" | ").append(p.amount())
                    .append(" | ").append(p.time()).append(" | ")
                    .append(p.status() == PhaseThroughput.Status.FAILED ? "**failed**" : p.rate()).append(" |\n");
        }
        md.append('\n');
    }
}
