package dev.restoredrill.drill;

import dev.restoredrill.migrations.AppliedMigrations;
import dev.restoredrill.migrations.MigrationRelease;
import dev.restoredrill.migrations.RecordedMigrations;
import dev.restoredrill.migrations.StoreMigrations;

import java.util.List;
import java.util.Optional;

/**
 * The backup's Langfuse migrations against the image under test: what the restored stores recorded before the app
 * started, per store what the image ships and would apply, and what the stores recorded after it started.
 *
 * @param image       the langfuse-web image of this drill
 * @param source      where the image's list came from (the image itself, or the pinned list of a stand-in)
 * @param notChecked  why the comparison could not be made, when it could not
 */
public record LangfuseMigrations(String image, String source, Optional<RecordedMigrations> before,
                                 List<StoreMigrations> stores, Optional<RecordedMigrations> after,
                                 Optional<MigrationRelease> shipped, Optional<String> notChecked) {

    static LangfuseMigrations notChecked(String image, String why) {
        return new LangfuseMigrations(image, "", Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.of(why));
    }

    /** What the app's start applied to a store, and whether a migration stopped half-way; empty if not known. */
    public Optional<AppliedMigrations> applied(String store) {
        if (before.isEmpty() || after.isEmpty() || shipped.isEmpty()) {
            return Optional.empty();
        }
        if (store.equals("clickhouse")) {
            return Optional.of(AppliedMigrations.clickhouse(before.get().clickhouse(), after.get().clickhouse(),
                    shipped.get(), image));
        }
        String database = store.substring(store.indexOf('/') + 1);
        return Optional.of(AppliedMigrations.prisma(database, Optional.ofNullable(before.get().prisma().get(database)),
                Optional.ofNullable(after.get().prisma().get(database)), image));
    }

    public Optional<StoreMigrations> store(String store) {
        return stores.stream().filter(s -> s.store().equals(store)).findFirst();
    }
}
