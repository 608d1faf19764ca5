package dev.restoredrill.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A validated, immutable drill: everything the pipeline needs, nothing it has to look up again.
 *
 * @param name        short kebab-case name, e.g. {@code quarterly}; used in report and project names
 * @param description one paragraph for the report; may be empty
 * @param file        the scenario file the plan was loaded from
 * @param stores      the stores to restore, in scenario order, each named once
 * @param journey     the app journey, absent when the scenario has none
 * @param checks      the checks, in scenario order, names unique, each targeting one of {@code stores}
 * @param rto         the whole drill's RTO target: start of the restores until every store and the app answer;
 *                    absent = no target, not judged
 * @param isolation   what the drill stack may reach outside itself: nothing, unless the scenario allows it
 * @param negativeControl the store whose backup the negative control damages and restores next to the drill's
 *                    (its checks must catch it); absent = no negative control
 * @param schemaMustNot the schema changes the apps' start must not make ({@code schema: must_not:});
 *                    {@link SchemaRule#DEFAULT} when the scenario says nothing
 */
public record DrillPlan(String name, String description, Path file, BackupSourcePlan backups,
                        List<StorePlan> stores, StackPlan stack, Optional<JourneyPlan> journey,
                        List<CheckPlan> checks, ReportPlan report, Optional<Duration> rto, IsolationPlan isolation,
                        Optional<String> negativeControl, List<SchemaRule> schemaMustNot) {

    /** {@code -Ddrill.negative-control[=postgres|false]}: wins over the scenario's {@code negative_control}. */
    public static final String NEGATIVE_CONTROL_PROPERTY = "drill.negative-control";

    public DrillPlan {
        Plans.requireText(name, "name");
        Plans.requireNonNull(description, "description");
        Plans.requireNonNull(file, "file");
        Plans.requireNonNull(backups, "backups");
        stores = List.copyOf(stores);
        if (stores.isEmpty()) {
            throw new IllegalArgumentException("a drill restores at least one store");
        }
        Plans.requireNonNull(stack, "stack");
        Plans.requireNonNull(journey, "journey");
        checks = List.copyOf(checks);
        Plans.requireNonNull(report, "report");
        Plans.requireNonNull(rto, "rto");
        Plans.requireNonNull(isolation, "isolation");
        Plans.requireNonNull(negativeControl, "negativeControl");
        schemaMustNot = List.copyOf(schemaMustNot);
        if (rto.isPresent() && (rto.get().isNegative() || rto.get().isZero())) {
            throw new IllegalArgumentException("rto must be longer than zero");
        }
        for (CheckPlan check : checks) {
            if (stores.stream().noneMatch(store -> store.name().equals(check.store()))) {
                throw new IllegalArgumentException("check '" + check.name() + "' targets store '"
                        + check.store() + "', which the drill does not restore");
            }
        }
    }

    /** A fully isolated drill without a negative control, with the default schema rules. */
    public DrillPlan(String name, String description, Path file, BackupSourcePlan backups, List<StorePlan> stores,
                     StackPlan stack, Optional<JourneyPlan> journey, List<CheckPlan> checks, ReportPlan report,
                     Optional<Duration> rto) {
        this(name, description, file, backups, stores, stack, journey, checks, report, rto, IsolationPlan.ISOLATED,
                Optional.empty(), SchemaRule.DEFAULT);
    }

    /** A drill without an RTO target of its own. */
    public DrillPlan(String name, String description, Path file, BackupSourcePlan backups, List<StorePlan> stores,
                     StackPlan stack, Optional<JourneyPlan> journey, List<CheckPlan> checks, ReportPlan report) {
        this(name, description, file, backups, stores, stack, journey, checks, report, Optional.empty());
    }


    public Optional<StorePlan> store(String storeName) {
        return stores.stream().filter(store -> store.name().equals(storeName)).findFirst();
    }

    /** The checks that run against one store, in scenario order. */
    public List<CheckPlan> checksFor(String storeName) {
        return checks.stream().filter(check -> check.store().equals(storeName)).toList();
    }
}
