package dev.restoredrill.verify;

import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.outcome.SecretMasker;
import dev.restoredrill.scenario.CheckPlan;
import dev.restoredrill.scenario.ClickHouseCheck;
import dev.restoredrill.scenario.IntegrityCheck;
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
        return check.accept(new CheckPlan.Visitor<>() {
            @Override
            public CheckOutcome sql(SqlCheck sql) {
                return measured(sql, context);
            }

            @Override
            public CheckOutcome mongo(MongoCheck mongo) {
                return measured(mongo, context);
            }

            @Override
            public CheckOutcome clickhouse(ClickHouseCheck clickhouse) {
                return measured(clickhouse, context);
            }

            @Override
            public CheckOutcome s3(S3Check s3) {
                return measured(s3, context);
            }

            @Override
            public CheckOutcome integrity(IntegrityCheck integrity) {
                return probed(integrity, context);
            }
        });
    }

    /** An integrity probe: its own verdict, what it looked at and its time; never throws either. */
    private CheckOutcome probed(IntegrityCheck check, CheckContext context) {
        List<String> secrets = new ArrayList<>(context.stores().secrets());
        Instant start = clock.instant();
        String message;
        try {
            return IntegrityProbes.run(check, context, secrets);
        } catch (StoreAccessException e) {
            message = e.getMessage();
        } catch (RuntimeException e) {
            message = "The check failed unexpectedly: " + e + ". Look at the drill's log for the stack trace.";
        }
        return new CheckOutcome(check.name(), check.store(), check.severity(), Verdict.ERROR,
                check.expectation().describe(), "", SecretMasker.of(secrets).mask(message),
                SecretMasker.of(secrets).mask(describeQuery(check)), Duration.between(start, clock.instant()));
    }

    /** A check that measures one value and judges it against its expectation. */
    private CheckOutcome measured(CheckPlan check, CheckContext context) {
        List<String> secrets = new ArrayList<>(context.stores().secrets());
        String query = SecretMasker.of(secrets).mask(describeQuery(check));
        Instant start = clock.instant();
        Measurement measured = null;
        Judgement judgement;
        try {
            measured = measure(check, context.stores(), secrets);
            judgement = ExpectationJudge.judge(check, measured, context, clock.instant());
        } catch (StoreAccessException e) {
            judgement = new Judgement(Verdict.ERROR, SecretMasker.of(secrets).mask(e.getMessage()));
        } catch (RuntimeException e) {
            judgement = new Judgement(Verdict.ERROR, "The check failed unexpectedly: "
                    + SecretMasker.of(secrets).mask(e.toString()) + ". Look at the drill's log for the stack trace.");
        }
        Duration elapsed = Duration.between(start, clock.instant());
        String actual = measured == null ? "" : SecretMasker.of(secrets).mask(measured.actual());
        return new CheckOutcome(check.name(), check.store(), check.severity(), judgement.verdict(),
                check.expectation().describe(), actual, SecretMasker.of(secrets).mask(judgement.message()), query, elapsed);
    }

    /** The query, filter or listing the check runs, as the evidence shows it. */
    static String describeQuery(CheckPlan check) {
        return check.accept(new CheckPlan.Visitor<>() {
            @Override
            public String sql(SqlCheck sql) {
                return PostgresProbe.describe(sql);
            }

            @Override
            public String mongo(MongoCheck mongo) {
                return MongoProbe.describe(mongo);
            }

            @Override
            public String clickhouse(ClickHouseCheck clickhouse) {
                return ClickHouseProbe.describe(clickhouse);
            }

            @Override
            public String s3(S3Check s3) {
                return S3Probe.describe(s3);
            }

            @Override
            public String integrity(IntegrityCheck integrity) {
                return IntegrityProbes.describe(integrity);
            }
        });
    }

    /** Measures the check's value with its store's own client. */
    private static Measurement measure(CheckPlan check, StoreConnections stores, List<String> secrets) {
        return check.accept(new CheckPlan.Visitor<>() {
            @Override
            public Measurement sql(SqlCheck sql) {
                return new PostgresProbe(stores.postgres(), secrets).measure(sql);
            }

            @Override
            public Measurement mongo(MongoCheck mongo) {
                return new MongoProbe(stores.mongo(), secrets).measure(mongo);
            }

            @Override
            public Measurement clickhouse(ClickHouseCheck clickhouse) {
                return new ClickHouseProbe(stores.clickhouse(), secrets).measure(clickhouse);
            }

            @Override
            public Measurement s3(S3Check s3) {
                return new S3Probe(stores.s3(), secrets).measure(s3);
            }

            @Override
            public Measurement integrity(IntegrityCheck integrity) {
                throw new IllegalStateException("an integrity check is probed, not measured: " + integrity.name());
            }
        });
    }
}
