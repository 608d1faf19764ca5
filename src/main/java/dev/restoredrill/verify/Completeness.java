package dev.restoredrill.verify;

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

    private static final String DATA_LOSS = "Data loss: ";

    private final CheckRunner runner;

    public Completeness(CheckRunner runner) {
        this.runner = runner;
    }

    /** The comparisons a store's backup facts call for (no I/O). */
    public static List<CheckPlan> plansFor(String store, FormatFacts facts) {
        if (facts instanceof PgDumpFacts pg) {
            return postgres(pg);
        }
        if (facts instanceof MongoArchiveFacts mongo) {
            return mongo(mongo);
        }
        TarFacts tar = (TarFacts) facts;
        return store.equals("clickhouse") ? clickhouse(tar) : s3(tar);
    }

    /** Runs the comparisons; failures carry the "Data loss" prefix the report's categories match. */
    public List<CheckOutcome> run(String store, FormatFacts facts, CheckContext context) {
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (CheckPlan plan : plansFor(store, facts)) {
            CheckOutcome outcome = runner.run(plan, context);
            outcomes.add(outcome.verdict() == Verdict.FAIL ? withPrefix(outcome) : outcome);
        }
        return outcomes;
    }

    private static CheckOutcome withPrefix(CheckOutcome o) {
        return new CheckOutcome(o.name(), o.store(), o.severity(), o.verdict(), o.expected(), o.actual(),
                DATA_LOSS + o.name() + ": " + o.message(), o.query(), o.elapsed());
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
