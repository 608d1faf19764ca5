package dev.restoredrill.scenario;

import dev.restoredrill.backup.BackupPick;
import dev.restoredrill.store.RestoreMethod;
import java.security.SecureRandom;
import dev.restoredrill.store.StoreType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a scenario's node graph into a {@link DrillPlan}, section by section. Every YAML key is the
 * plan record's component in snake_case ({@code file_pattern} → {@code filePattern}); checks are read
 * by {@link CheckReader}.
 */
final class PlanReader {

    private static final List<String> ROOT_FIELDS =
            List.of("name", "description", "backups", "stores", "stack", "journey", "checks", "report", "rto",
                    "isolation", "negative_control", "schema");
    private static final List<String> BACKUPS_FIELDS = List.of("directory", "pick", "max_skew");
    /** Seeds of random picks made without {@code -Ddrill.pick-seed}; each is printed in the report for a replay. */
    private static final SecureRandom SEEDS = new SecureRandom();
    private static final List<String> STORE_FIELDS =
            List.of("name", "kind", "file_pattern", "rpo", "service", "volume", "rto");
    private static final List<String> STACK_FIELDS = List.of("compose_files", "images", "startup_timeout");
    private static final List<String> JOURNEY_FIELDS = List.of("base_service", "email_env", "password_env",
            "endpoint", "model", "prompt", "answer_timeout");
    private static final List<String> REPORT_FIELDS = List.of("directory", "title", "notify_url");

    private static final Pattern KEBAB_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Compose service and volume names. */
    private static final Pattern COMPOSE_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");
    /** A notification URL: http(s), a host, no user:password part (a webhook's token goes in its path). */
    private static final Pattern NOTIFY_URL = Pattern.compile("https?://[A-Za-z0-9.\\[\\]:-]+(?:[/?#][^\\s]*)?");
    private static final Pattern IMAGE = Pattern.compile("[a-z0-9][A-Za-z0-9._/:@-]*");

    private final ScenarioSource source;
    private final Map<String, String> overrides;

    /**
     * @param overrides system-property style settings that win over the file: {@code drill.backups},
     *                  {@code drill.reference}
     */
    PlanReader(ScenarioSource source, Map<String, String> overrides) {
        this.source = source;
        this.overrides = overrides;
    }

    DrillPlan read(Node root) {
        YamlMapping scenario = YamlMapping.of(source, root, "", "at least 'name' and 'stores'").allowOnly(ROOT_FIELDS);
        String name = scenario.parsed("name", "the drill's short name, e.g. 'quarterly'",
                matching(KEBAB_NAME, "a short kebab-case name like 'quarterly' or 'nightly-critical'"));
        String description = scenario.optionalText("description").orElse("");
        List<StorePlan> stores = stores(scenario);
        List<CheckPlan> checks = new CheckReader(scenario, stores).read();
        Optional<Duration> rto = scenario.optionalParsed("rto", PlanReader::positiveDuration);
        return new DrillPlan(name, description, source.file(), backups(scenario), stores, stack(scenario),
                journey(scenario), checks, report(scenario, name), rto, isolation(scenario),
                negativeControl(scenario, stores), schemaMustNot(scenario));
    }

    /** {@code schema: { must_not: [drop-column-with-data, …] }}; without the section, {@link SchemaRule#DEFAULT}. */
    private List<SchemaRule> schemaMustNot(YamlMapping scenario) {
        Optional<YamlMapping> schema = scenario.mapping("schema", "'must_not': a list of schema changes the apps' "
                + "start must not make").map(section -> section.allowOnly(List.of("must_not")));
        Optional<List<String>> labels = schema.flatMap(s -> s.optionalTextList("must_not", "schema changes, from "
                + String.join(", ", SchemaRule.labels())));
        if (labels.isEmpty()) {
            return SchemaRule.DEFAULT;
        }
        List<SchemaRule> rules = new ArrayList<>();
        for (String label : labels.get()) {
            rules.add(SchemaRule.byLabel(label).orElseThrow(() -> schema.get().invalid("must_not", "expected schema "
                    + "changes from " + String.join(", ", SchemaRule.labels()) + ", found '" + label + "'."
                    + Suggestions.didYouMean(label, SchemaRule.labels()))));
        }
        return rules;
    }

    private IsolationPlan isolation(YamlMapping scenario) {
        Optional<YamlMapping> section = scenario.mapping("isolation", "'allow_egress'")
                .map(isolation -> isolation.allowOnly(List.of("allow_egress")));
        List<String> destinations = section.flatMap(s -> s.optionalTextList("allow_egress",
                "destinations as host:port")).orElse(List.of());
        List<IsolationPlan.Destination> allowed = new java.util.ArrayList<>();
        for (String destination : destinations) {
            try {
                allowed.add(IsolationPlan.Destination.parse(destination));
            } catch (IllegalArgumentException e) {
                throw section.orElseThrow().invalid("allow_egress", e.getMessage() + ". Leave the section out to keep "
                        + "the drill fully isolated.");
            }
        }
        return new IsolationPlan(allowed);
    }

    /**
     * The store whose backup the negative control damages: the scenario's {@code negative_control}, or
     * {@code -Ddrill.negative-control} ({@code =postgres}; bare or {@code =true}: the scenario's store, else
     * postgres; {@code =false}: off).
     */
    private Optional<String> negativeControl(YamlMapping scenario, List<StorePlan> stores) {
        List<String> restored = stores.stream().map(StorePlan::name).toList();
        Optional<String> fromFile = scenario.optionalParsed("negative_control", store -> {
            String name = oneOf(restored, "a store the drill restores").apply(store);
            if (!name.equals(StoreType.POSTGRES.storeName())) {
                throw new IllegalArgumentException(NEGATIVE_CONTROL_POSTGRES_ONLY);
            }
            return name;
        });
        String override = overrides.get(DrillPlan.NEGATIVE_CONTROL_PROPERTY);
        if (override == null) {
            return fromFile;
        }
        String value = override.strip();
        if (value.equals("false")) {
            return Optional.empty();
        }
        String store = value.isEmpty() || value.equals("true") ? fromFile.orElse(StoreType.POSTGRES.storeName()) : value;
        if (!store.equals(StoreType.POSTGRES.storeName()) || !restored.contains(store)) {
            throw new IllegalArgumentException("-D" + DrillPlan.NEGATIVE_CONTROL_PROPERTY + "=" + value + ": "
                    + (restored.contains(store) ? NEGATIVE_CONTROL_POSTGRES_ONLY : "the drill does not restore '"
                    + store + "' (stores: " + String.join(", ", restored) + ")."));
        }
        return Optional.of(store);
    }

    private static final String NEGATIVE_CONTROL_POSTGRES_ONLY = "the negative control damages a Postgres dump (rows "
            + "written twice inside COPY blocks) and restores it into a throw-away postgres; other stores are not "
            + "supported yet. Use 'postgres'.";

    private BackupSourcePlan backups(YamlMapping scenario) {
        Optional<YamlMapping> backups = scenario.mapping("backups", "'directory', 'pick', 'max_skew'")
                .map(section -> section.allowOnly(BACKUPS_FIELDS));
        String fromFile = backups.flatMap(b -> b.optionalText("directory")).orElse(BackupSourcePlan.DEFAULT_DIRECTORY);
        String override = overrides.get(BackupSourcePlan.OVERRIDE_PROPERTY);
        Optional<String> seed = Optional.ofNullable(overrides.get(BackupPick.SEED_PROPERTY));
        String pickOverride = overrides.get(BackupPick.PROPERTY);
        BackupPick pick;
        if (pickOverride != null && !pickOverride.isBlank()) {
            try {
                pick = BackupPick.parse(pickOverride, seed, SEEDS::nextLong);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("-D" + BackupPick.PROPERTY + ": " + e.getMessage(), e);
            }
        } else {
            pick = backups.flatMap(b -> b.optionalParsed("pick", text -> BackupPick.parse(text, seed,
                    SEEDS::nextLong))).orElse(new BackupPick.Newest());
        }
        Optional<Duration> maxSkew = backups.flatMap(b -> b.optionalParsed("max_skew", PlanReader::positiveDuration));
        return new BackupSourcePlan(override == null || override.isBlank() ? fromFile : override, pick, maxSkew);
    }

    private List<StorePlan> stores(YamlMapping scenario) {
        List<Node> items = scenario.list("stores", "store names or store mappings");
        if (items.isEmpty()) {
            throw scenario.missing("stores", "a list of the stores to restore, from " + String.join(", ", StoreType.names()));
        }
        List<StorePlan> stores = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "stores[" + i + "]";
            StorePlan store = store(items.get(i), path);
            Node first = seen.putIfAbsent(store.name(), items.get(i));
            if (first != null) {
                throw source.error(items.get(i), path, "store '" + store.name() + "' is listed twice (first at line "
                        + (first.getStartMark().getLine() + 1) + "); keep one.");
            }
            stores.add(store);
        }
        return stores;
    }

    /** A store is either its bare name (all defaults) or a mapping that overrides some of them. */
    private StorePlan store(Node item, String path) {
        if (item instanceof ScalarNode && !ScenarioSource.isNull(item)) {
            String name = ((ScalarNode) item).getValue().strip();
            return StorePlan.defaultsFor(storeType(name, item, path));
        }
        YamlMapping store = YamlMapping.of(source, item, path, "the store's 'name' and optional overrides")
                .allowOnly(STORE_FIELDS);
        StoreType type = storeType(store.text("name", "one of " + String.join(", ", StoreType.names())),
                store.value("name").orElseThrow(), store.fieldPath("name"));
        RestoreMethod method = store.optionalParsed("kind", oneOf(RestoreMethod.labels(type.methods()),
                        "a backup kind " + type.storeName() + " can be restored from"))
                .flatMap(RestoreMethod::byLabel).orElse(type.defaultMethod());
        String filePattern = store.optionalParsed("file_pattern", PlanReader::filePattern)
                .orElse(type.defaultFilePattern());
        Duration rpo = store.optionalParsed("rpo", PlanReader::positiveDuration).orElse(type.defaultRpo());
        String service = store.optionalParsed("service", matching(COMPOSE_NAME, "a compose service name"))
                .orElse(type.defaultService());
        String volume = store.optionalParsed("volume", matching(COMPOSE_NAME, "a compose volume name"))
                .orElse(type.defaultVolume());
        Optional<Duration> rto = store.optionalParsed("rto", PlanReader::positiveDuration);
        return new StorePlan(type, method, filePattern, rpo, service, volume, rto);
    }

    private StoreType storeType(String name, Node where, String field) {
        return StoreType.byName(name).orElseThrow(() -> source.error(where, field, "expected one of "
                + String.join(", ", StoreType.names()) + ", found " + ScenarioSource.found(where) + "."
                + Suggestions.didYouMean(name, StoreType.names())));
    }

    private StackPlan stack(YamlMapping scenario) {
        Optional<YamlMapping> stack = scenario.mapping("stack", "'compose_files', 'images', 'startup_timeout'")
                .map(section -> section.allowOnly(STACK_FIELDS));
        List<String> composeFiles = stack.flatMap(s -> s.optionalTextList("compose_files", "compose file paths"))
                .orElse(StackPlan.DEFAULT_COMPOSE_FILES);
        if (composeFiles.isEmpty()) {
            throw stack.orElseThrow().invalid("compose_files", "expected at least one compose file, found an empty "
                    + "list. Leave the field out for the defaults: " + String.join(", ", StackPlan.DEFAULT_COMPOSE_FILES) + ".");
        }
        Map<String, String> images = stack.flatMap(s -> s.mapping("images", "service: image lines"))
                .map(section -> section.textEntries(matching(IMAGE, "an image reference like 'name:tag'")))
                .orElse(Map.of());
        Duration startupTimeout = stack.flatMap(s -> s.optionalParsed("startup_timeout", PlanReader::positiveDuration))
                .orElse(StackPlan.DEFAULT_STARTUP_TIMEOUT);
        StackPlan plan = new StackPlan(composeFiles, new LinkedHashMap<>(images), startupTimeout);
        return Boolean.parseBoolean(overrides.get(StackPlan.REFERENCE_PROPERTY)) ? plan.withReferenceOverride() : plan;
    }

    private Optional<JourneyPlan> journey(YamlMapping scenario) {
        return scenario.mapping("journey", "'endpoint', 'model' and optional settings")
                .map(section -> section.allowOnly(JOURNEY_FIELDS))
                .map(journey -> new JourneyPlan(
                        journey.optionalParsed("base_service", matching(COMPOSE_NAME, "a compose service name"))
                                .orElse(JourneyPlan.DEFAULT_BASE_SERVICE),
                        environmentVariable(journey, "email_env", JourneyPlan.DEFAULT_EMAIL_ENV),
                        environmentVariable(journey, "password_env", JourneyPlan.DEFAULT_PASSWORD_ENV),
                        journey.text("endpoint", "the chat endpoint's name as the app lists it, e.g. 'LiteLLM'"),
                        journey.text("model", "the model to chat with, e.g. 'gpt-4o-mini'"),
                        journey.optionalText("prompt").orElse(JourneyPlan.DEFAULT_PROMPT),
                        journey.optionalParsed("answer_timeout", PlanReader::positiveDuration)
                                .orElse(JourneyPlan.DEFAULT_ANSWER_TIMEOUT)));
    }

    /**
     * The NAME of an environment variable. Someone who writes the credential itself here must not see it
     * echoed in the error (nor in CI logs), so this error shows no value.
     */
    private String environmentVariable(YamlMapping section, String key, String defaultName) {
        Optional<Node> value = section.value(key);
        if (value.isEmpty()) {
            return defaultName;
        }
        String name = section.textOf(value.get(), section.fieldPath(key));
        if (!ENV_NAME.matcher(name).matches()) {
            throw section.invalid(key, "expected the NAME of an environment variable (capitals, digits and '_', e.g. "
                    + defaultName + "), found a value that is not one (not shown: it may be the secret itself). "
                    + "Export the credential in a variable and name the variable here.");
        }
        return name;
    }

    private ReportPlan report(YamlMapping scenario, String drillName) {
        Optional<YamlMapping> report = scenario.mapping("report", "'directory', 'title', 'notify_url'")
                .map(section -> section.allowOnly(REPORT_FIELDS));
        return new ReportPlan(
                report.flatMap(r -> r.optionalText("directory")).orElse(ReportPlan.DEFAULT_DIRECTORY),
                report.flatMap(r -> r.optionalText("title")).orElse(ReportPlan.defaultTitle(drillName)),
                report.flatMap(r -> r.optionalParsed("notify_url", matching(NOTIFY_URL,
                        "an http(s) URL to POST the drill's summary to, e.g. 'https://hooks.example.org/drill'"))));
    }

    static Duration positiveDuration(String text) {
        Duration duration = Durations.parse(text);
        if (duration.isZero()) {
            throw new IllegalArgumentException("expected a duration longer than zero");
        }
        return duration;
    }

    private static String filePattern(String text) {
        if (!text.contains(StorePlan.DATE_PLACEHOLDER) || text.contains("/")) {
            throw new IllegalArgumentException("expected a file name containing " + StorePlan.DATE_PLACEHOLDER
                    + " where the backup's date (YYYY-MM-DD) goes, e.g. 'pg_{date}.sql.gz'");
        }
        return text;
    }

    static Function<String, String> matching(Pattern pattern, String expected) {
        return text -> {
            if (!pattern.matcher(text).matches()) {
                throw new IllegalArgumentException("expected " + expected);
            }
            return text;
        };
    }

    static Function<String, String> oneOf(List<String> allowed, String what) {
        return text -> {
            if (!allowed.contains(text)) {
                throw new InvalidValue("expected " + what + ": one of " + String.join(", ", allowed),
                        Suggestions.didYouMean(text, allowed));
            }
            return text;
        };
    }
}
