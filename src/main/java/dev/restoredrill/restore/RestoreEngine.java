package dev.restoredrill.restore;

import dev.restoredrill.stack.ServiceStack;

import java.util.List;

/**
 * Restores one store of the drill stack from its backup. Two phases, because a volume snapshot must be in
 * place before its service first starts, while a logical dump is loaded into a running service.
 */
public interface RestoreEngine {

    /** The store's name (postgres, mongodb, clickhouse, minio). */
    String store();

    /** The compose service that holds the store. */
    String service();

    /** Before the stack starts; only snapshot engines do work here. */
    default void prepare(ServiceStack stack) throws Exception {
    }

    /** Whether {@link #prepare} does work that must end before the service first starts (a volume snapshot). */
    default boolean preparesBeforeStart() {
        return false;
    }

    /** Once the service is healthy; returns notes for the evidence (what was skipped, sizes, rates). */
    List<String> load(ServiceStack stack) throws Exception;

    /** The log the engine kept (psql's output, the extraction's), for the evidence; empty if none. */
    default String logTail() {
        return "";
    }
}
