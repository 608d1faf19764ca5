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
 * The LiteLLM gateway starts here, first, when the scenario names a candidate image for it ({@code stack.images.
 * litellm}, a post-migration drill) and Postgres is restored: its start migrates the restored {@code litellm} database.
 * (Otherwise it runs as the chat app's dependency, or, on the reference stack, the chat stand-in plays it.)
 */
final class PlatformApps {

    static final String LANGFUSE_WEB = "langfuse-web";
    /** In start order: what the others depend on first. */
    static final List<String> LANGFUSE = List.of("redis", "langfuse-worker", LANGFUSE_WEB);
    static final Set<String> LANGFUSE_STORES = Set.of("postgres", "clickhouse", "minio");
    /** The Postgres database Langfuse's DATABASE_URL names in compose/platform.yml. */
    static final String LANGFUSE_DATABASE = "langfuse";
    static final String LITELLM = "litellm";
    /** The Postgres database the gateway's DATABASE_URL names in compose/platform.yml. */
    static final String LITELLM_DATABASE = "litellm";

    private PlatformApps() {
    }

    static List<String> startedAfterRestore(DrillPlan plan) {
        Set<String> services = plan.stores().stream().map(StorePlan::service).collect(Collectors.toSet());
        List<String> apps = new java.util.ArrayList<>();
        if (plan.stack().images().containsKey(LITELLM) && services.contains("postgres")) {
            apps.add(LITELLM);
        }
        if (services.containsAll(LANGFUSE_STORES)) {
            apps.addAll(LANGFUSE);
        }
        return List.copyOf(apps);
    }
}
