package dev.restoredrill.drill;

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
                                 Optional<String> notChecked) {

    static LangfuseMigrations notChecked(String image, String why) {
        return new LangfuseMigrations(image, "", Optional.empty(), List.of(), Optional.empty(), Optional.of(why));
    }

    public Optional<StoreMigrations> store(String store) {
        return stores.stream().filter(s -> s.store().equals(store)).findFirst();
    }
}
