package dev.restoredrill.drill;

import dev.restoredrill.migrations.SchemaFingerprint;

import java.util.List;
import java.util.Optional;

/**
 * The restored stores' schema as restored from the backup and as the apps left it after they started (their
 * migrations), and the difference. Empty fingerprints when they could not be read ({@code notRead} says why).
 */
public record SchemaChange(Optional<SchemaFingerprint> restored, Optional<SchemaFingerprint> afterStart,
                           Optional<String> notRead) {

    public List<String> diff() {
        return restored.isPresent() && afterStart.isPresent() ? restored.get().diff(afterStart.get()) : List.of();
    }

    public List<String> droppedColumns() {
        return restored.isPresent() && afterStart.isPresent() ? restored.get().droppedColumns(afterStart.get())
                : List.of();
    }
}
