package dev.restoredrill.evidence;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The summary's section on which backups the drill restored and why (the scenario's {@code backups.pick}), and
 * how far apart the stores' backups are ({@link CrossStoreSkew}).
 */
final class PickSummary {

    private PickSummary() {
    }

    static void render(StringBuilder md, DrillEvidence e) {
        JsonNode pick = e.backupManifest() == null ? null : e.backupManifest().path("pick");
        CrossStoreSkew skew = e.crossStoreSkew();
        if ((pick == null || !pick.isObject()) && skew == null) {
            return;
        }
        md.append("## Backups restored, why, and how far apart\n\n");
        List<BackupFacts> backups = BackupFacts.fromManifest(e.backupManifest());
        if (pick != null && pick.isObject()) {
            md.append("Pick: ").append(SummaryWriter.cell(pick.path("reason").asText(null))).append(".\n\n");
            if (pick.path("failure").isTextual()) {
                md.append("No night could be picked: ").append(SummaryWriter.cell(pick.path("failure").asText()))
                        .append("\n\n");
            }
            if (backups.stream().anyMatch(b -> Boolean.FALSE.equals(b.pickedNewest()))) {
                md.append("An older night is restored on purpose. The RPO is about the newest backup existing, so"
                        + " \"RPO met\" above is judged on each store's newest backup (listed, not restored);"
                        + " \"Backup date\" and \"Age\" are those of the backup restored.\n\n");
            }
        }
        md.append("| Store | Backup restored | Why | Taken (file time) | Newest record |\n|---|---|---|---|---|\n");
        List<String> stores = skew != null ? skew.stores().stream().map(CrossStoreSkew.StoreTimes::store).toList()
                : backups.stream().map(BackupFacts::store).toList();
        for (String store : stores) {
            BackupFacts b = BackupFacts.forStore(backups, store).orElse(null);
            CrossStoreSkew.StoreTimes t = skew == null ? null : skew.stores().stream()
                    .filter(s -> s.store().equals(store)).findFirst().orElse(null);
            md.append("| ").append(SummaryWriter.cell(store)).append(" | ")
                    .append(SummaryWriter.cell(b == null ? null : b.fileName())).append(" | ")
                    .append(SummaryWriter.cell(b == null ? null : b.pickedReason())).append(" | ")
                    .append(t == null || t.fileTime() == null ? "—" : t.fileTime() + " (" + t.fileTimeBasis() + ")")
                    .append(" | ").append(t == null || t.newestRecord() == null ? "not measured"
                            : t.newestRecord() + " (" + SummaryWriter.cell(t.newestRecordBy()) + ")")
                    .append(" |\n");
        }
        md.append('\n');
        if (skew != null) {
            md.append("Skew between the stores: ").append(HumanDuration.of(skew.fileSkew()))
                    .append(" by file time, ").append(HumanDuration.of(skew.recordSkew()))
                    .append(" by newest records; max_skew ")
                    .append(skew.limit() == null ? "not set (shown, not judged)" : HumanDuration.of(skew.limit()))
                    .append(": ").append(skew.over() ? "**" + skew.verdict() + "**" : skew.verdict())
                    .append(".\n\n");
        }
    }
}
