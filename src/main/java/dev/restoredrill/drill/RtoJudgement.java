package dev.restoredrill.drill;

import dev.restoredrill.evidence.RtoOutcome;
import dev.restoredrill.restore.ParallelRestore;
import dev.restoredrill.restore.RestoreOutcome;
import dev.restoredrill.scenario.DrillPlan;
import dev.restoredrill.scenario.StorePlan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The scenario's RTO targets against the measured restores: each store's restore time
 * ({@link RestoreOutcome#elapsed()}, start of the restores until it holds its data) and the whole drill's
 * ({@link ParallelRestore.Result#measuredRto()}, until every store and the app answer). A store that did not
 * restore has no measured RTO: its failure is the restore's, not an RTO miss.
 */
public final class RtoJudgement {
    private RtoJudgement() {
    }

    public static RtoOutcome forStore(StorePlan store, RestoreOutcome outcome) {
        Duration measured = outcome != null && outcome.restored() ? outcome.elapsed() : null;
        return RtoOutcome.judge(store.name(), store.rto().orElse(null), measured);
    }

    /** Every store in scenario order, then the whole drill. */
    public static List<RtoOutcome> judge(DrillPlan plan, Optional<ParallelRestore.Result> restores) {
        List<RtoOutcome> judged = new ArrayList<>();
        for (StorePlan store : plan.stores()) {
            judged.add(forStore(store, restores.map(r -> r.outcomes().get(store.name())).orElse(null)));
        }
        Duration total = restores.filter(ParallelRestore.Result::allRestored).map(ParallelRestore.Result::measuredRto)
                .orElse(null);
        judged.add(RtoOutcome.judge(RtoOutcome.WHOLE_DRILL, plan.rto().orElse(null), total));
        return judged;
    }
}
