package dev.restoredrill.drill;

import dev.restoredrill.evidence.PlatformEvidence;
import dev.restoredrill.migrations.AppliedMigrations;
import dev.restoredrill.migrations.SchemaFingerprint;
import dev.restoredrill.migrations.StoreMigrations;
import dev.restoredrill.outcome.Failure;
import dev.restoredrill.outcome.FailureCategory;
import dev.restoredrill.scenario.SchemaRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The apps' start as evidence: per app its migrations (pending as restored, applied by the start), the schema as
 * restored vs after, and the failures they add to the drill's (an app that did not start, a migration that stopped
 * or a store ahead of the image, a schema change the scenario forbids), so the verdict and the tests agree.
 */
final class PlatformEvidenceAssembler {

    private PlatformEvidenceAssembler() {
    }

    static PlatformEvidence assemble(PlatformOutcome platform, List<Failure> failures) {
        platform.apps().values().stream().sorted((a, b) -> a.service().compareTo(b.service()))
                .forEach(app -> app.failure().ifPresent(why -> failures.add(FailureCategory.RESTORE_FAILURE.failure(
                        app.service() + " did not start on the restored stores: " + why))));
        List<PlatformEvidence.App> apps = new ArrayList<>();
        platform.gateway().ifPresent(gateway -> apps.add(gateway(gateway, failures)));
        platform.langfuse().ifPresent(langfuse -> apps.add(langfuse(langfuse, failures)));
        PlatformEvidence.Schema schema = platform.schema().map(change -> schema(change, failures)).orElse(null);
        return new PlatformEvidence(apps, schema);
    }

    private static PlatformEvidence.App gateway(GatewayMigrations gateway, List<Failure> failures) {
        List<PlatformEvidence.Store> stores = gateway.pending().map(pending -> List.of(store(pending,
                gateway.applied(), failures))).orElse(List.of());
        return new PlatformEvidence.App(PlatformApps.LITELLM, gateway.image(), gateway.source(), stores,
                gateway.notChecked().map(why -> failed(failures, "the litellm migrations could not be compared: "
                        + why)).orElse(null));
    }

    private static PlatformEvidence.App langfuse(LangfuseMigrations langfuse, List<Failure> failures) {
        List<PlatformEvidence.Store> stores = langfuse.stores().stream()
                .map(store -> store(store, langfuse.applied(store.store()), failures)).toList();
        return new PlatformEvidence.App("langfuse", langfuse.image(), langfuse.source(), stores,
                langfuse.notChecked().map(why -> failed(failures, "the Langfuse migrations could not be compared: "
                        + why)).orElse(null));
    }

    private static PlatformEvidence.Store store(StoreMigrations pending, Optional<AppliedMigrations> applied,
                                                List<Failure> failures) {
        Optional<String> problem = pending.problem().or(() -> applied.flatMap(AppliedMigrations::problem));
        problem.ifPresent(p -> failures.add(Failure.of(p).category() == FailureCategory.MIGRATION_FAILURE
                ? Failure.of(p) : FailureCategory.MIGRATION_FAILURE.failure(p)));
        return new PlatformEvidence.Store(pending.store(), pending.recorded(), pending.shipped(), pending.pending(),
                applied.map(AppliedMigrations::applied).orElse(List.of()),
                applied.map(AppliedMigrations::stateAfter).orElse("not read"), problem.orElse(null));
    }

    private static PlatformEvidence.Schema schema(SchemaChange change, List<Failure> failures) {
        List<String> violations = change.violations();
        if (!violations.isEmpty()) {
            failures.add(FailureCategory.MIGRATION_FAILURE.failure("the apps' start made schema changes the "
                    + "scenario forbids (schema.must_not): " + String.join("; ", violations) + ". Do not roll out "
                    + "these images: read the candidate's migrations (the schema diff is in the report), or change "
                    + "the scenario's rules if the change is intended."));
        }
        String state = change.notRead().isPresent() ? "not read" : change.diff().isEmpty() ? "unchanged" : "changed";
        return new PlatformEvidence.Schema(state, change.mustNot().stream().map(SchemaRule::label).toList(),
                change.diff(), violations, change.restored().map(SchemaFingerprint::lines).map(List::copyOf)
                .orElse(List.of()), change.afterStart().map(SchemaFingerprint::lines).map(List::copyOf)
                .orElse(List.of()), change.notRead().orElse(null));
    }

    private static String failed(List<Failure> failures, String why) {
        failures.add(FailureCategory.MIGRATION_FAILURE.failure(why));
        return why;
    }
}
