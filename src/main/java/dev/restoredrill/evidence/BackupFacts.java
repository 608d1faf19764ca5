package dev.restoredrill.evidence;

import dev.restoredrill.outcome.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One store's backup as the backup stage's manifest describes it (backup/MANIFEST.md): the few fields the summary
 * shows. The manifest stays opaque elsewhere; a field it lacks shows as absent, it never fails the report.
 * {@code backupDate}, {@code age} and {@code rpoMet} are the RPO check's, on the store's newest backup (the RPO
 * achieved); {@code picked*} describe the backup the drill restored, which a pick may have made an older one.
 */
record BackupFacts(String store, String fileName, String backupDate, Duration age, Duration rpoTarget,
        Boolean rpoMet, Verdict verdict, String pickedDate, Duration pickedAge, String pickedReason,
        Boolean pickedNewest) {

    /** The date of the backup restored: the picked one's, else the newest's. */
    String restoredDate() {
        return pickedDate != null ? pickedDate : backupDate;
    }

    /** The age of the backup restored: the picked one's, else the newest's. */
    Duration restoredAge() {
        return pickedAge != null ? pickedAge : age;
    }

    static List<BackupFacts> fromManifest(JsonNode manifest) {
        List<BackupFacts> facts = new ArrayList<>();
        if (manifest == null || !manifest.path("stores").isArray()) {
            return facts;
        }
        for (JsonNode store : manifest.path("stores")) {
            JsonNode rpo = store.path("rpo_check");
            JsonNode picked = store.path("picked");
            facts.add(new BackupFacts(text(store.path("store")), text(store.path("chosen").path("file_name")),
                    text(rpo.path("backup_date")), duration(rpo.path("age")), duration(store.path("rpo_target")),
                    rpo.path("met").isBoolean() ? rpo.path("met").booleanValue() : null, verdict(store.path("verdict")),
                    text(picked.path("backup_date")), duration(picked.path("age")), text(picked.path("reason")),
                    picked.path("newest").isBoolean() ? picked.path("newest").booleanValue() : null));
        }
        return facts;
    }

    static Optional<BackupFacts> forStore(List<BackupFacts> all, String store) {
        return all.stream().filter(f -> store.equals(f.store())).findFirst();
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    private static Duration duration(JsonNode node) {
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Verdict verdict(JsonNode node) {
        String text = text(node);
        return text == null ? null : Verdict.valueOf(text);
    }
}
