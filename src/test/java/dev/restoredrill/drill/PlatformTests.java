package dev.restoredrill.drill;

import dev.restoredrill.migrations.AppliedMigrations;
import dev.restoredrill.migrations.StoreMigrations;
import io.qameta.allure.Allure;

import java.util.List;
import java.util.Optional;
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

    static void migratedCleanly(DrillRun run, String store, UnaryOperator<String> mask) {
        LangfuseMigrations langfuse = platform(run).langfuse().orElseThrow(() -> new AssertionError(
                "Migrations: the Langfuse migrations were not compared in this drill"));
        langfuse.notChecked().ifPresent(why -> fail("Migrations: could not read the migrations langfuse-web "
                + "applied: " + why));
        AppliedMigrations applied = langfuse.applied(store).orElseThrow(() -> new AssertionError(
                "Migrations: the " + store + " migrations could not be read after langfuse-web started (see the "
                        + "drill log)"));
        Allure.addAttachment(store + " migrations applied at start", "text/plain", "image: " + langfuse.image()
                + "\napplied: " + applied.applied().size() + applied.applied().stream().map(m -> "\n  " + m)
                .collect(Collectors.joining()) + "\nstate after the start: " + applied.stateAfter()
                + applied.problem().map(p -> "\nproblem: " + p).orElse(""), ".txt");
        applied.problem().ifPresent(problem -> fail(problem + "\n--- langfuse-web log (last lines) ---\n"
                + Optional.ofNullable(platform(run).apps().get(PlatformApps.LANGFUSE_WEB)).map(AppOutcome::logTail)
                .map(mask).orElse("")));
    }

    /** The gateway's migrations: the image ships what the backup recorded, and its start applied the rest cleanly. */
    static void gatewayMigrated(DrillRun run, UnaryOperator<String> mask) {
        GatewayMigrations gateway = platform(run).gateway().orElseThrow(() -> new AssertionError(
                "Migrations: the LiteLLM gateway's migrations were not compared in this drill"));
        gateway.notChecked().ifPresent(why -> fail("Migrations: could not compare the litellm database's migrations "
                + "with the gateway image's (" + gateway.image() + "): " + why));
        StoreMigrations pending = gateway.pending().orElseThrow();
        Allure.addAttachment("postgres/litellm migrations", "text/plain", "image: " + gateway.image() + "\nlist from: "
                + gateway.source() + "\nrecorded in the backup: " + pending.recorded() + "\nnewest in the image: "
                + pending.shipped() + "\npending (applied at start): " + pending.pending().size()
                + pending.pending().stream().map(m -> "\n  " + m).collect(Collectors.joining())
                + gateway.applied().map(a -> "\napplied: " + a.applied().size() + a.applied().stream()
                .map(m -> "\n  " + m).collect(Collectors.joining()) + "\nstate after the start: " + a.stateAfter())
                .orElse("") + pending.problem().map(p -> "\nproblem: " + p).orElse(""), ".txt");
        pending.problem().ifPresent(problem -> fail("Migrations: " + problem));
        AppliedMigrations applied = gateway.applied().orElseThrow(() -> new AssertionError("Migrations: the litellm "
                + "migrations could not be read after the gateway started (see the drill log)"));
        applied.problem().ifPresent(problem -> fail(problem + "\n--- litellm log (last lines) ---\n"
                + Optional.ofNullable(platform(run).apps().get(PlatformApps.LITELLM)).map(AppOutcome::logTail)
                .map(mask).orElse("")));
    }

    static void schemaChange(DrillRun run) {
        SchemaChange change = platform(run).schema().orElseThrow(() -> new AssertionError(
                "Schema: the schema was not fingerprinted in this drill"));
        change.notRead().ifPresent(why -> fail("Schema: " + why));
        List<String> diff = change.diff();
        Allure.addAttachment("schema diff (restored vs after the start)", "text/plain", diff.isEmpty()
                ? "unchanged" : String.join("\n", diff), ".txt");
        change.restored().ifPresent(schema -> Allure.addAttachment("schema as restored", "text/plain",
                String.join("\n", schema.lines()), ".txt"));
        change.afterStart().ifPresent(schema -> Allure.addAttachment("schema after the start", "text/plain",
                String.join("\n", schema.lines()), ".txt"));
        Allure.addAttachment("schema rules (scenario schema.must_not)", "text/plain", change.mustNot().stream()
                .map(rule -> rule.label() + ": must not " + rule.meaning()).collect(Collectors.joining("\n")), ".txt");
        List<String> violations = change.violations();
        if (!violations.isEmpty()) {
            fail("Schema: the apps' start made schema changes the scenario forbids (schema.must_not):\n  "
                    + String.join("\n  ", violations) + "\nData in them is gone or changed after this upgrade. Do not "
                    + "roll out these images: check the candidate's migrations (the schema diff is attached), or change "
                    + "the scenario's rules if the change is intended.");
        }
    }

    private static PlatformOutcome platform(DrillRun run) {
        return run.platform().orElseThrow(() -> new AssertionError("Restore failed: the drill stack did not start: "
                + run.stackFailure().map(Throwable::getMessage).orElse("unknown")));
    }
}
