package dev.restoredrill.drill;

import dev.restoredrill.migrations.StoreMigrations;
import io.qameta.allure.Allure;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/** The drill's tests of the platform started on the restored stores: each app's health, and the migrations gate. */
final class PlatformTests {

    static final List<String> MIGRATION_STORES = List.of("clickhouse", "postgres/" + PlatformApps.LANGFUSE_DATABASE);

    private PlatformTests() {
    }

    static void appHealthy(DrillRun run, String app, UnaryOperator<String> mask) {
        PlatformOutcome platform = platform(run);
        AppOutcome outcome = platform.apps().get(app);
        if (outcome == null) {
            fail("Service failed: " + app + " was not started by this drill");
        }
        Allure.addAttachment(app + " log (tail)", "text/plain", mask.apply(outcome.logTail()), ".txt");
        Allure.addAttachment(app + " start", "text/plain", "healthy after " + outcome.elapsed().toMillis() + " ms"
                + outcome.failure().map(f -> "\n" + f).orElse(""), ".txt");
        outcome.failure().ifPresent(failure -> fail(failure + "\n--- " + app + " log (last lines) ---\n"
                + mask.apply(outcome.logTail())));
    }

    static void schemaNotAhead(DrillRun run, String store) {
        LangfuseMigrations langfuse = platform(run).langfuse().orElseThrow(() -> new AssertionError(
                "Migrations: the Langfuse migrations were not compared in this drill"));
        langfuse.notChecked().ifPresent(why -> fail("Migrations: could not compare the backup's migrations with "
                + "langfuse-web's (" + langfuse.image() + "): " + why));
        StoreMigrations migrations = langfuse.store(store).orElseThrow(() -> new AssertionError(
                "Migrations: no comparison for " + store));
        Allure.addAttachment(store + " migrations", "text/plain", "image: " + langfuse.image() + "\nlist from: "
                + langfuse.source() + "\nrecorded in the backup: " + migrations.recorded() + "\nnewest in the image: "
                + migrations.shipped() + "\npending (applied at start): " + migrations.pending().size()
                + migrations.pending().stream().map(m -> "\n  " + m).collect(Collectors.joining())
                + migrations.problem().map(p -> "\nproblem: " + p).orElse(""), ".txt");
        migrations.problem().ifPresent(problem -> fail("Migrations: " + problem));
    }

    private static PlatformOutcome platform(DrillRun run) {
        return run.platform().orElseThrow(() -> new AssertionError("Restore failed: the drill stack did not start: "
                + run.stackFailure().map(Throwable::getMessage).orElse("unknown")));
    }
}
