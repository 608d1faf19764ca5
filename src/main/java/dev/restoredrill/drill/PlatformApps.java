package dev.restoredrill.drill;

import dev.restoredrill.scenario.DrillPlan;
import dev.restoredrill.scenario.StorePlan;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The platform's apps a drill starts after the restores, as the runbook restores the volumes first and then starts
 * the platform ("Start it"): Langfuse's web and worker with the Redis they queue on. They start only in a drill that
 * restores every store they run on (Postgres, ClickHouse, MinIO): on stores left empty Langfuse would migrate a
 * blank schema, which proves nothing. The chat app (the journey's base service) starts with the stores, as before.
 */
final class PlatformApps {

    static final String LANGFUSE_WEB = "langfuse-web";
    /** In start order: what the others depend on first. */
    static final List<String> LANGFUSE = List.of("redis", "langfuse-worker", LANGFUSE_WEB);
    static final Set<String> LANGFUSE_STORES = Set.of("postgres", "clickhouse", "minio");
    /** The Postgres database Langfuse's DATABASE_URL names in compose/platform.yml. */
    static final String LANGFUSE_DATABASE = "langfuse";

    private PlatformApps() {
    }

    static List<String> startedAfterRestore(DrillPlan plan) {
        Set<String> services = plan.stores().stream().map(StorePlan::service).collect(Collectors.toSet());
        return services.containsAll(LANGFUSE_STORES) ? LANGFUSE : List.of();
    }
}
