package dev.restoredrill.drill;

import dev.restoredrill.migrations.AppliedMigrations;
import dev.restoredrill.migrations.StoreMigrations;

import java.util.Optional;

/**
 * The LiteLLM gateway's Prisma migrations against the restored {@code litellm} database: what the backup recorded
 * against what the gateway image ships (pending, or a schema ahead of it), and what its start applied.
 *
 * @param source where the image's list came from (the image itself, or a stand-in's pinned list)
 */
public record GatewayMigrations(String image, String source, Optional<StoreMigrations> pending,
                                Optional<AppliedMigrations> applied, Optional<String> notChecked) {

    static GatewayMigrations notChecked(String image, String why) {
        return new GatewayMigrations(image, "", Optional.empty(), Optional.empty(), Optional.of(why));
    }
}
