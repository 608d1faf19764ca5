package dev.restoredrill.verify;

import dev.restoredrill.outcome.Failure;
import dev.restoredrill.outcome.FailureCategory;
import dev.restoredrill.store.StoreType;
import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.backup.FormatFacts;
import dev.restoredrill.backup.MongoArchiveFacts;
import dev.restoredrill.backup.PgDumpFacts;
import dev.restoredrill.backup.TarFacts;
import dev.restoredrill.backup.VolumeLayout;
import dev.restoredrill.mongoarchive.Namespace;
import dev.restoredrill.scenario.CheckPlan;
import dev.restoredrill.scenario.ClickHouseCheck;
import dev.restoredrill.scenario.Expectation;
import dev.restoredrill.scenario.MongoCheck;
import dev.restoredrill.scenario.S3Check;
import dev.restoredrill.scenario.Severity;
import dev.restoredrill.scenario.SqlCheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Completeness: what the backup says it holds against what the restored store holds, one count per table,
 * collection or bucket. Each comparison is a check the {@link CheckRunner} runs, so it is measured and reported
 * like the scenario's own; a difference is a "Data loss" failure naming the table and both numbers.
 */
public final class Completeness {

    private final CheckRunner runner;

    public Completeness(CheckRunner runner) {
        this.runner = runner;
    }

    /** The comparisons a store's backup facts call for (no I/O); a store restored from a snapshot has none. */
    public static List<CheckPlan> plansFor(StoreType store, FormatFacts facts) {
        return switch (store) {
            case POSTGRES -> facts instanceof PgDumpFacts pg ? postgres(pg) : List.of();
            case MONGODB -> facts instanceof MongoArchiveFacts mongo ? mongo(mongo) : List.of();
            case CLICKHOUSE -> facts instanceof TarFacts tar ? clickhouse(tar) : List.of();
            case MINIO -> facts instanceof TarFacts tar ? s3(tar) : List.of();
        };
    }

    /**
     * Runs the comparisons. A count that differs is data loss; one that could not be measured is a failed check
     * (nothing is proven); either message starts with its category, as the report's categories expect.
     */
    public List<CheckOutcome> run(StoreType store, FormatFacts facts, CheckContext context) {
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (CheckPlan plan : plansFor(store, facts)) {
            CheckOutcome outcome = runner.run(plan, context);
            outcomes.add(outcome.verdict().passed() ? outcome : categorised(outcome));
        }
        return outcomes;
    }

    /** The failure a comparison that did not pass stands for. */
    public static Failure failure(CheckOutcome comparison) {
        return new Failure(category(comparison), comparison.message());
    }

    private static FailureCategory category(CheckOutcome comparison) {
        return comparison.verdict() == Verdict.FAIL ? FailureCategory.DATA_LOSS : FailureCategory.CHECK_FAILURE;
    }

    private static CheckOutcome categorised(CheckOutcome o) {
        return new CheckOutcome(o.name(), o.store(), o.severity(), o.verdict(), o.expected(), o.actual(),
                category(o).message(o.name() + ": " + o.message()), o.query(), o.elapsed());
    }

    private static List<CheckPlan> postgres(PgDumpFacts facts) {
        List<CheckPlan> plans = new ArrayList<>();
        for (PgDumpFacts.Database database : facts.databases()) {
            for (PgDumpFacts.Table table : database.tables()) {
                String qualified = quote(table.schema()) + "." + quote(table.table());
                plans.add(new SqlCheck("rows in " + database.name() + "." + table.schema() + "." + table.table(),
                        Severity.BLOCKER, database.name(), "SELECT count(*) FROM " + qualified,
                        new Expectation.Compare(Expectation.Operator.EQUAL, table.rows())));
            }
        }
        return plans;
    }

    private static List<CheckPlan> mongo(MongoArchiveFacts facts) {
        List<CheckPlan> plans = new ArrayList<>();
        for (MongoArchiveFacts.Collection collection : facts.collections()) {
            Namespace ns = new Namespace(collection.db(), collection.collection());
            boolean restorable = collection.type() == null || "collection".equals(collection.type());
            if (!ns.isSystem() && restorable) {
                plans.add(new MongoCheck("documents in " + ns, Severity.BLOCKER, ns.db(), ns.collection(), "{}",
                        Optional.empty(), new Expectation.EqualsBackup()));
            }
        }
        return plans;
    }

    private static List<CheckPlan> clickhouse(TarFacts facts) {
        List<CheckPlan> plans = new ArrayList<>();
        for (String table : facts.clickhouseTables()) {
            int dot = table.indexOf('.');
            String database = table.substring(0, dot);
            String name = table.substring(dot + 1);
            Optional<Long> rows = facts.clickhouseTableDetails().stream()
                    .filter(t -> t.compared() && t.rows() != null && t.database().equals(database)
                            && t.table().equals(name))
                    .map(TarFacts.ClickHouseTable::rows).findFirst();
            if (rows.isPresent()) { // Atomic layout: rows of the active parts' count.txt
                plans.add(new ClickHouseCheck("rows in " + table, Severity.BLOCKER, database,
                        "SELECT count() FROM `" + database + "`.`" + name + "`",
                        new Expectation.Compare(Expectation.Operator.EQUAL, rows.get())));
                continue;
            }
            // The snapshot lists tables, not rows: the table must exist and answer; its count is recorded.
            plans.add(new ClickHouseCheck("table " + table + " restored", Severity.BLOCKER, database,
                    "SELECT count() FROM `" + database + "`.`" + name + "`",
                    new Expectation.Compare(Expectation.Operator.AT_LEAST, 0)));
        }
        return plans;
    }

    private static List<CheckPlan> s3(TarFacts facts) {
        List<CheckPlan> plans = new ArrayList<>();
        if (facts.layout() == VolumeLayout.MINIO_XL) { // objects read from xl.meta; a lower bound where one was not
            for (TarFacts.MinioBucket bucket : facts.minioBuckets()) {
                plans.add(new S3Check("objects in bucket " + bucket.bucket(), Severity.BLOCKER, bucket.bucket(), "",
                        new Expectation.Compare(bucket.exact() ? Expectation.Operator.EQUAL
                                : Expectation.Operator.AT_LEAST, bucket.objects())));
            }
            return plans;
        }
        for (Map.Entry<String, Long> folder : facts.filesPerSecondLevel().entrySet()) {
            String bucket = folder.getKey().substring(folder.getKey().indexOf('/') + 1);
            if (!bucket.startsWith(".")) {
                plans.add(new S3Check("objects in bucket " + bucket, Severity.BLOCKER, bucket, "",
                        new Expectation.Compare(Expectation.Operator.EQUAL, folder.getValue())));
            }
        }
        return plans;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
