package dev.restoredrill.migrations;

import java.util.List;
import java.util.Optional;

/**
 * One store's migrations against one image: the newest the restored store records, the newest the image ships,
 * what the image would apply (pending), and the problem that stops the image, if any.
 *
 * @param store    e.g. {@code clickhouse} or {@code postgres/langfuse}
 * @param recorded the newest migration the store records, e.g. {@code 26} or a Prisma folder name; "none" if none
 * @param shipped  the newest migration the image ships
 * @param pending  migrations the image would apply at start, in order
 * @param problem  why the image cannot run on this store (schema ahead, dirty, failed migration), with the way out
 */
public record StoreMigrations(String store, String recorded, String shipped, List<String> pending,
                              Optional<String> problem) {

    public StoreMigrations {
        pending = List.copyOf(pending);
    }

    public boolean ok() {
        return problem.isEmpty();
    }

    /** One line for logs and attachments. */
    public String summary() {
        return store + ": recorded " + recorded + ", image ships up to " + shipped + ", pending " + pending.size()
                + (pending.isEmpty() ? "" : " " + pending) + problem.map(p -> " — PROBLEM: " + p).orElse(" — ok");
    }
}
