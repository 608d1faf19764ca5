package dev.restoredrill.drill;

import java.util.Map;
import java.util.Optional;

/**
 * The apps started after the restores, each with its outcome, the Langfuse and gateway migrations checks, the schema
 * change.
 */
public record PlatformOutcome(Map<String, AppOutcome> apps, Optional<LangfuseMigrations> langfuse,
                              Optional<SchemaChange> schema, Optional<GatewayMigrations> gateway) {

    public PlatformOutcome {
        apps = Map.copyOf(apps);
    }

    public PlatformOutcome(Map<String, AppOutcome> apps, Optional<LangfuseMigrations> langfuse,
                           Optional<SchemaChange> schema) {
        this(apps, langfuse, schema, Optional.empty());
    }

    static PlatformOutcome none() {
        return new PlatformOutcome(Map.of(), Optional.empty(), Optional.empty());
    }
}
