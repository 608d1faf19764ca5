package dev.restoredrill.evidence;

import java.util.List;

/**
 * What the apps' start did to the restored stores (evidence.json {@code platform}, summary.md "Migrations and
 * schema"): per app the migrations the backup recorded, the image shipped, were pending and were applied; and the
 * stores' schema as restored and as the start left it, the difference and the scenario's rules. Absent (null) in a
 * drill that starts no app (a pre-flight, a drill of fewer stores).
 */
public record PlatformEvidence(List<App> migrations, Schema schema) {

    public PlatformEvidence {
        migrations = migrations == null ? List.of() : List.copyOf(migrations);
    }

    /**
     * One app's migrations.
     *
     * @param listSource where the image's list was read: the image itself, or a reference stand-in's pinned list
     * @param notChecked why they could not be compared, when they could not; else null
     */
    public record App(String app, String image, String listSource, List<Store> stores, String notChecked) {
        public App {
            stores = stores == null ? List.of() : List.copyOf(stores);
        }
    }

    /**
     * One store's migrations under one app.
     *
     * @param recorded   the newest migration the backup recorded
     * @param shipped    the newest migration the image ships
     * @param pending    what the image would apply, in order, as the backup was restored
     * @param applied    what its start applied (read back from the store's own records)
     * @param stateAfter the store's migration state after the start ("version 30, clean", "346 finished, 0 failed")
     * @param problem    why this store's migrations fail the drill, with what to do; else null
     */
    public record Store(String store, String recorded, String shipped, List<String> pending, List<String> applied,
                        String stateAfter, String problem) {
        public Store {
            pending = pending == null ? List.of() : List.copyOf(pending);
            applied = applied == null ? List.of() : List.copyOf(applied);
        }
    }

    /**
     * The schema as restored and after the start.
     *
     * @param change     "unchanged", "changed" or "not read"
     * @param mustNot    the scenario's {@code schema.must_not} rules
     * @param diff       "+ line" / "- line" per difference
     * @param violations the differences the rules forbid, one line each; each fails the drill
     * @param restored   the schema as restored, one fact a line
     * @param afterStart the schema after the start
     */
    public record Schema(String change, List<String> mustNot, List<String> diff, List<String> violations,
                         List<String> restored, List<String> afterStart, String notRead) {
        public Schema {
            mustNot = mustNot == null ? List.of() : List.copyOf(mustNot);
            diff = diff == null ? List.of() : List.copyOf(diff);
            violations = violations == null ? List.of() : List.copyOf(violations);
            restored = restored == null ? List.of() : List.copyOf(restored);
            afterStart = afterStart == null ? List.of() : List.copyOf(afterStart);
        }
    }
}
