package dev.restoredrill.scenario;

import java.util.ArrayList;
import dev.restoredrill.store.CheckKind;
import dev.restoredrill.store.StoreType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.bson.json.JsonParseException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the scenario's {@code checks} list. A check's {@code kind} (by default its store's first check kind)
 * decides which fields it may have: an {@code sql} check has {@code sql}, a {@code mongo} check a
 * {@code collection}, and so on; the store says which kinds it accepts.
 */
final class CheckReader {

    private static final List<String> COMMON_FIELDS = List.of("name", "store", "kind", "severity", "expect");
    private static final List<String> SEVERITIES =
            Stream.of(Severity.values()).map(Severity::label).toList();
    /** Checks only read: the first word of their query. */
    private static final Pattern READ_ONLY_QUERY = Pattern.compile("(?is)\\s*(select|with)\\b.*");

    private final YamlMapping scenario;
    private final List<StorePlan> stores;

    CheckReader(YamlMapping scenario, List<StorePlan> stores) {
        this.scenario = scenario;
        this.stores = stores;
    }

    List<CheckPlan> read() {
        List<Node> items = scenario.list("checks", "checks");
        List<CheckPlan> checks = new ArrayList<>();
        Map<String, Node> names = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            YamlMapping check = YamlMapping.of(scenario.source(), items.get(i), "checks[" + i + "]",
                    "'name', 'store', 'expect' and the store's fields");
            StoreType store = store(check);
            CheckKind kind = kind(check, store);
            check.allowOnly(Stream.concat(COMMON_FIELDS.stream(), fields(kind).stream()).toList());
            String name = check.text("name", "a name for the check, unique in the scenario");
            Node first = names.putIfAbsent(name.toLowerCase(Locale.ROOT), check.value("name").orElseThrow());
            if (first != null) {
                throw check.invalid("name", "duplicate check name '" + name + "' (first used at line "
                        + (first.getStartMark().getLine() + 1) + "); each check needs its own name, the report "
                        + "lists checks by name.");
            }
            checks.add(check(check, store, kind, name));
        }
        return checks;
    }

    /** The target store: known, and restored by this drill. */
    private StoreType store(YamlMapping check) {
        List<String> restored = stores.stream().map(StorePlan::name).toList();
        String store = check.parsed("store", "the store the check runs against, one of " + String.join(", ", restored),
                PlanReader.oneOf(StoreType.names(), "a store name"));
        if (!restored.contains(store)) {
            throw check.invalid("store", "the drill does not restore '" + store + "' (stores: "
                    + String.join(", ", restored) + "); add it to 'stores' or drop this check.");
        }
        return StoreType.byName(store).orElseThrow();
    }

    /** The check's kind: one its store accepts, by default the store's first. */
    private static CheckKind kind(YamlMapping check, StoreType store) {
        List<String> accepted = CheckKind.labels(store.checkKinds());
        return check.optionalParsed("kind", PlanReader.oneOf(accepted, "a check kind " + store.storeName()
                        + " accepts"))
                .flatMap(CheckKind::byLabel).orElse(store.defaultCheckKind());
    }

    /** The fields a check of this kind has besides the common ones. */
    private static List<String> fields(CheckKind kind) {
        return switch (kind) {
            case SQL, CLICKHOUSE_SQL -> List.of("database", "sql");
            case MONGO -> List.of("database", "collection", "filter", "field");
            case S3_OBJECTS -> List.of("bucket", "prefix");
            case PG_AMCHECK, PG_FULL_READ, CLICKHOUSE_CHECK_TABLE, CLICKHOUSE_FULL_READ, MONGO_VALIDATE ->
                    List.of("databases");
            case S3_VERIFY -> List.of("sample");
        };
    }

    private CheckPlan check(YamlMapping check, StoreType store, CheckKind kind, String name) {
        Severity severity = check.optionalParsed("severity", PlanReader.oneOf(SEVERITIES, "a severity"))
                .map(label -> Severity.valueOf(label.toUpperCase(Locale.ROOT)))
                .orElse(Severity.NORMAL);
        if (kind.integrity()) {
            return integrityCheck(check, store, kind, name, severity);
        }
        Expectation expectation = check.parsed("expect", Expectation.FORMS, Expectation::parse);
        if (expectation instanceof Expectation.EqualsBackup && kind != CheckKind.MONGO) {
            throw check.invalid("expect", "'== backup' compares with the backup's own count, which only mongo "
                    + "checks have (the archive counts documents per collection); compare with a number here, "
                    + "e.g. '>= 1'.");
        }
        return switch (kind) {
            case SQL -> new SqlCheck(name, severity,
                    check.text("database", "the Postgres database to query, e.g. 'litellm'"),
                    query(check), expectation);
            case CLICKHOUSE_SQL -> new ClickHouseCheck(name, severity,
                    check.optionalText("database").orElse(ClickHouseCheck.DEFAULT_DATABASE),
                    query(check), expectation);
            case MONGO -> mongoCheck(check, name, severity, expectation);
            case S3_OBJECTS -> new S3Check(name, severity,
                    check.text("bucket", "the bucket to list, e.g. 'langfuse'"),
                    check.optionalText("prefix").orElse(""), expectation);
            case PG_AMCHECK, PG_FULL_READ, CLICKHOUSE_CHECK_TABLE, CLICKHOUSE_FULL_READ, MONGO_VALIDATE, S3_VERIFY ->
                    throw new IllegalStateException("integrity checks are read above");
        };
    }

    /** An integrity probe: no {@code expect} (it passes when the store finds no damage); databases or a sample. */
    private static IntegrityCheck integrityCheck(YamlMapping check, StoreType store, CheckKind kind, String name,
                                                 Severity severity) {
        if (check.value("expect").isPresent()) {
            throw check.invalid("expect", "a '" + kind.label() + "' check has no 'expect': it passes when the "
                    + "store's own integrity check finds no damage. Remove 'expect'.");
        }
        List<String> databases = check.optionalTextList("databases", "database names, e.g. '- litellm'")
                .orElse(List.of());
        if (check.value("databases").isPresent() && databases.isEmpty()) {
            throw check.invalid("databases", "is an empty list; name at least one database, or leave 'databases' "
                    + "out to check every database.");
        }
        long sample = check.optionalParsed("sample", CheckReader::sampleSize).orElse(IntegrityCheck.DEFAULT_SAMPLE);
        return new IntegrityCheck(name, store.storeName(), kind, severity, databases, sample);
    }

    private static long sampleSize(String text) {
        try {
            long sample = Long.parseLong(text.strip());
            if (sample >= 1) {
                return sample;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new IllegalArgumentException("expected a whole number of objects, at least 1 (every object is "
                + "verified up to this many; above it a sample of about this many), e.g. '1000'");
    }

    private static String query(YamlMapping check) {
        return check.parsed("sql", "a query whose first row's first column is the value to check", sql -> {
            String statement = sql.replaceAll("[;\\s]+$", "");
            if (!READ_ONLY_QUERY.matcher(statement).matches() || statement.contains(";")) {
                throw new IllegalArgumentException("expected one read-only query starting with SELECT or WITH "
                        + "(a check must never change the restored data)");
            }
            return statement;
        });
    }

    private static MongoCheck mongoCheck(YamlMapping check, String name, Severity severity, Expectation expectation) {
        String filter = check.optionalParsed("filter", CheckReader::jsonDocument).orElse(MongoCheck.MATCH_ALL);
        boolean newest = expectation instanceof Expectation.FreshWithin;
        Optional<String> field = check.optionalText("field");
        if (newest && field.isEmpty()) {
            throw check.missing("field", "the field whose newest value is measured by 'newest within', e.g. 'createdAt'");
        }
        if (!newest && field.isPresent()) {
            throw check.invalid("field", "is only used with 'newest within <duration> of the backup date'; "
                    + "this check counts documents. Remove it or change 'expect'.");
        }
        if (expectation instanceof Expectation.EqualsBackup && !MongoCheck.MATCH_ALL.equals(filter.replace(" ", ""))) {
            throw check.invalid("filter", "cannot be combined with '== backup', which compares the whole collection "
                    + "with the archive's count; remove the filter or compare with a number.");
        }
        return new MongoCheck(name, severity,
                check.text("database", "the MongoDB database, e.g. 'LibreChat'"),
                check.text("collection", "the collection to count, e.g. 'messages'"),
                filter, field, expectation);
    }

    private static String jsonDocument(String json) {
        try {
            BsonDocument.parse(json);
            return json;
        } catch (JsonParseException | org.bson.BsonInvalidOperationException notJson) {
            throw new IllegalArgumentException("expected a MongoDB query document in JSON, e.g. "
                    + "'{\"role\": \"ADMIN\"}' (" + notJson.getMessage() + ")");
        }
    }
}
