package dev.restoredrill.backup;

import java.util.Locale;

/** The manifest on one screen: a header line, column titles, one line per store; never wider than 100. */
final class ManifestTable {
    static final int WIDTH = 100;
    private static final String ROW = "%-10s %-7s %-26s %8s %7s %5s %s";

    private ManifestTable() {}

    static String render(BackupManifest m) {
        StringBuilder out = new StringBuilder();
        line(out, "Backups " + m.sourceDir() + " at " + m.drillTime() + ": " + m.verdict());
        if (m.source() != null && !"directory".equals(m.source().kind())) {
            line(out, source(m.source()));
        }
        if (m.pick() != null && !m.pick().newestPicked()) {
            line(out, "Pick " + (m.pick().failure() != null ? m.pick().failure() : m.pick().reason()));
        }
        line(out, String.format(Locale.ROOT, ROW, "STORE", "VERDICT", "FILE", "SIZE", "AGE", "RPO", "DETAIL"));
        for (StoreResult s : m.stores()) {
            ChosenBackup c = s.chosen();
            line(out, String.format(Locale.ROOT, ROW, fit(s.store(), 10), s.verdict(),
                    fit(c == null ? "-" : c.fileName(), 26),
                    c == null || c.sizeBytes() == null ? "-" : Sizes.bytes(c.sizeBytes()),
                    s.rpoCheck() == null ? "-" : Sizes.duration(s.rpoCheck().age()),
                    rpo(s.rpoTarget()), detail(s)));
        }
        return out.toString();
    }

    /** Where a remote source's files came from: the URI (masked), snapshot, and what was fetched. */
    private static String source(SourceRecord src) {
        if (src.fault() != null) {
            return "Source " + src.uri() + ": UNAVAILABLE (see each store's error)";
        }
        long reused = src.fetches().stream().filter(FetchRecord::fromCache).count();
        long ms = src.fetches().stream().mapToLong(f -> f.took() == null ? 0 : f.took().toMillis()).sum();
        return "Source " + src.uri() + (src.snapshotId() == null ? "" : " snapshot "
                + src.snapshotId().substring(0, Math.min(8, src.snapshotId().length()))) + ": fetched "
                + (src.fetches().size() - reused) + " file(s), " + Sizes.bytes(src.bytesFetched()) + " in "
                + String.format(Locale.ROOT, "%.1f s", ms / 1000.0) + (reused > 0 ? ", " + reused
                + " reused from cache" : "");
    }

    /** PASS: what the backup holds; otherwise the first reason, the rest being in the JSON. */
    private static String detail(StoreResult s) {
        if (s.error() != null) {
            return s.error();
        }
        if (!s.failures().isEmpty()) {
            return (s.failures().size() > 1 ? "(" + s.failures().size() + ") " : "") + s.failures().get(0);
        }
        String facts = s.facts() == null ? "" : s.facts().summary();
        return s.warnings().isEmpty() ? facts : facts + " (" + s.warnings().size() + " warning"
                + (s.warnings().size() > 1 ? "s)" : ")");
    }

    /** 24h, 7d: RPOs are round numbers. */
    private static String rpo(java.time.Duration d) {
        long seconds = d.getSeconds();
        return seconds % 86_400 == 0 && seconds >= 2 * 86_400 ? seconds / 86_400 + "d"
                : seconds % 3_600 == 0 ? seconds / 3_600 + "h" : Sizes.duration(d);
    }

    private static String fit(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    private static void line(StringBuilder out, String text) {
        out.append(fit(text, WIDTH)).append('\n');
    }
}
