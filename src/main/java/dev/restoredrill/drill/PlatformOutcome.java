package dev.restoredrill.drill;

import java.util.Map;
import java.util.Optional;

/** The apps started after the restores, each with its outcome, the Langfuse migrations check, the schema change. */
public record PlatformOutcome(Map<String, AppOutcome> apps, Optional<LangfuseMigrations> langfuse,
                              Optional<SchemaChange> schema) {

    public PlatformOutcome {
        apps = Map.copyOf(apps);
    }

    static PlatformOutcome none() {
        return new PlatformOutcome(Map.of(), Optional.empty(), Optional.empty());
    }
}
