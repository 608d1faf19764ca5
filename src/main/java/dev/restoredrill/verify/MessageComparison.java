package dev.restoredrill.verify;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The restored app's messages of a conversation against the backup's: the same message ids, each with the
 * same text. Lists at most a few differing ids, enough to find them in the evidence.
 */
record MessageComparison(int inBackup, int inApp, List<String> missing, List<String> extra,
                         List<String> changedText) {

    private static final int SHOWN = 5;

    static MessageComparison of(List<BackupMessage> backup, List<JsonNode> restored) {
        Map<String, String> backupTexts = new LinkedHashMap<>();
        backup.forEach(message -> backupTexts.put(message.messageId(), message.text()));
        Map<String, String> appTexts = new LinkedHashMap<>();
        restored.forEach(message -> appTexts.put(message.path("messageId").asText(),
                message.path("text").isTextual() ? message.path("text").asText() : null));
        List<String> missing = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        backupTexts.forEach((id, text) -> {
            if (!appTexts.containsKey(id)) {
                missing.add(id);
            } else if (!Objects.equals(text, appTexts.get(id))) {
                changed.add(id);
            }
        });
        List<String> extra = appTexts.keySet().stream().filter(id -> !backupTexts.containsKey(id)).toList();
        return new MessageComparison(backup.size(), restored.size(), missing, extra, changed);
    }

    boolean same() {
        return missing.isEmpty() && extra.isEmpty() && changedText.isEmpty();
    }

    /** E.g. "the backup holds 5 messages, the app lists 4; missing [m5]". */
    String describe() {
        StringBuilder text = new StringBuilder("the backup holds " + inBackup + " message(s), the app lists " + inApp);
        append(text, "missing", missing);
        append(text, "not in the backup", extra);
        append(text, "text differs for", changedText);
        return text.toString();
    }

    private static void append(StringBuilder text, String label, List<String> ids) {
        if (!ids.isEmpty()) {
            text.append("; ").append(label).append(' ').append(ids.subList(0, Math.min(SHOWN, ids.size())));
            if (ids.size() > SHOWN) {
                text.append(" and ").append(ids.size() - SHOWN).append(" more");
            }
        }
    }
}
