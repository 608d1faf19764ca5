package dev.restoredrill.evidence;

import java.util.List;

/** summary.md's "Migrations and schema": per app what was pending and applied, then the schema diff and rules. */
final class MigrationsSummary {

    /** The diff is listed in full up to this many lines; the whole of it is in evidence.json and the report. */
    private static final int DIFF_LINES = 60;

    private MigrationsSummary() {
    }

    static void render(StringBuilder md, PlatformEvidence platform) {
        if (platform == null) {
            return;
        }
        md.append("## Migrations and schema\n\n");
        if (!platform.migrations().isEmpty()) {
            md.append("| App | Image | Store | Recorded in the backup | Newest in the image | Pending | Applied at start "
                    + "| State after | Problem |\n|---|---|---|---|---|---|---|---|---|\n");
            for (PlatformEvidence.App app : platform.migrations()) {
                if (app.notChecked() != null) {
                    md.append("| ").append(cell(app.app())).append(" | ").append(cell(app.image()))
                            .append(" | — | — | — | — | — | — | not compared: ").append(cell(app.notChecked()))
                            .append(" |\n");
                }
                for (PlatformEvidence.Store store : app.stores()) {
                    md.append("| ").append(cell(app.app())).append(" | ").append(cell(app.image())).append(" | ")
                            .append(cell(store.store())).append(" | ").append(cell(store.recorded())).append(" | ")
                            .append(cell(store.shipped())).append(" | ").append(store.pending().size()).append(" | ")
                            .append(store.applied().size()).append(" | ").append(cell(store.stateAfter()))
                            .append(" | ").append(store.problem() == null ? "—" : cell(store.problem())).append(" |\n");
                }
            }
            md.append('\n');
            for (PlatformEvidence.App app : platform.migrations()) {
                for (PlatformEvidence.Store store : app.stores()) {
                    if (!store.applied().isEmpty()) {
                        md.append("Applied to ").append(store.store()).append(" by ").append(cell(app.image()))
                                .append(": ").append(String.join(", ", store.applied().stream()
                                        .map(m -> "`" + m + "`").toList())).append(".\n\n");
                    }
                }
            }
        }
        PlatformEvidence.Schema schema = platform.schema();
        if (schema == null) {
            return;
        }
        md.append("Schema as restored vs after the start: **").append(schema.change()).append("**")
                .append(schema.notRead() == null ? "" : " (" + cell(schema.notRead()) + ")").append(". Must not: ")
                .append(schema.mustNot().isEmpty() ? "nothing" : String.join(", ", schema.mustNot())).append(".\n\n");
        if (!schema.diff().isEmpty()) {
            List<String> shown = schema.diff().subList(0, Math.min(DIFF_LINES, schema.diff().size()));
            md.append("```\n").append(String.join("\n", shown)).append('\n');
            if (shown.size() < schema.diff().size()) {
                md.append("… ").append(schema.diff().size() - shown.size()).append(" more (evidence.json)\n");
            }
            md.append("```\n\n");
        }
        for (String violation : schema.violations()) {
            md.append("- **Forbidden:** ").append(cell(violation)).append('\n');
        }
        if (!schema.violations().isEmpty()) {
            md.append('\n');
        }
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
