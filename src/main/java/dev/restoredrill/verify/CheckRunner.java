package dev.restoredrill.verify;

import dev.restoredrill.scenario.CheckPlan;
import dev.restoredrill.scenario.ClickHouseCheck;
import dev.restoredrill.scenario.MongoCheck;
import dev.restoredrill.scenario.S3Check;
import dev.restoredrill.scenario.SqlCheck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one {@link CheckPlan} against the restored stores: measures its value with the store's own client,
 * judges it against the expectation and returns a {@link CheckOutcome}. It never throws for a store's sake:
 * an unreachable store, a refused query or an unexpected failure is an ERROR outcome whose message says what
 * to do, with every secret of the context masked.
 */
public final class CheckRunner {

    private final Clock clock;

    public CheckRunner() {
        this(Clock.systemUTC());
    }

    CheckRunner(Clock clock) {
        this.clock = clock;
    }

    public CheckOutcome run(CheckPlan check, CheckContext context) {
        List<String> secrets = new ArrayList<>(context.stores().secrets());
        String query = Secrets.mask(describeQuery(check), secrets);
        Instant start = clock.instant();
        Measurement measured = null;
        Judgement judgement;
        try {
            measured = measure(check, context.stores(), secrets);
            judgement = ExpectationJudge.judge(check, measured, context, clock.instant());
        } catch (StoreAccessException e) {
            judgement = new Judgement(Verdict.ERROR, Secrets.mask(e.getMessage(), secrets));
        } catch (RuntimeException e) {
            judgement = new Judgement(Verdict.ERROR, "The check failed unexpectedly: "
                    + Secrets.mask(e.toString(), secrets) + ". Look at the drill's log for the stack trace.");
        }
        Duration elapsed = Duration.between(start, clock.instant());
        String actual = measured == null ? "" : Secrets.mask(measured.actual(), secrets);
        return new CheckOutcome(check.name(), check.store(), check.severity(), judgement.verdict(),
                check.expectation().describe(), actual, Secrets.mask(judgement.message(), secrets), query, elapsed);
    }

    /** The query, filter or listing the check runs, as the evidence shows it. */
    static String describeQuery(CheckPlan check) {
        if (check instanceof SqlCheck sql) {
            return PostgresProbe.describe(sql);
        }
        if (check instanceof MongoCheck mongo) {
            return MongoProbe.describe(mongo);
        }
        if (check instanceof ClickHouseCheck clickhouse) {
            return ClickHouseProbe.describe(clickhouse);
        }
        return S3Probe.describe((S3Check) check);
    }

    private static Measurement measure(CheckPlan check, StoreConnections stores, List<String> secrets) {
        if (check instanceof SqlCheck sql) {
            return new PostgresProbe(stores.postgres(), secrets).measure(sql);
        }
        if (check instanceof MongoCheck mongo) {
            return new MongoProbe(stores.mongo(), secrets).measure(mongo);
        }
        if (check instanceof ClickHouseCheck clickhouse) {
            return new ClickHouseProbe(stores.clickhouse(), secrets).measure(clickhouse);
        }
        return new S3Probe(stores.s3(), secrets).measure((S3Check) check);
    }
}
