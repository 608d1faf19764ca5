package dev.restoredrill.scenario;

import dev.restoredrill.backup.BackupPick;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads drill scenarios ({@code drill-scenarios/*.yml}) into validated {@link DrillPlan}s, so a bad
 * scenario fails before any container starts, with an error naming file, line, column and field.
 *
 * <pre>{@code
 * DrillPlan plan = ScenarioLoader.load(Path.of("drill-scenarios/quarterly.yml"));
 * }</pre>
 *
 * <p>{@code -Ddrill.backups=DIR} replaces the scenario's backup directory; {@code -Ddrill.reference=true}
 * appends the reference (stand-in) compose override to the stack.
 */
public final class ScenarioLoader {

    private final Map<String, String> overrides;

    /**
     * @param overrides settings that win over the files, as system properties would give them
     *                  ({@code drill.backups}, {@code drill.reference})
     */
    public ScenarioLoader(Map<String, String> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    /** A loader taking its overrides from the system properties. */
    public static ScenarioLoader fromSystemProperties() {
        Map<String, String> overrides = new HashMap<>();
        for (String key : List.of(BackupSourcePlan.OVERRIDE_PROPERTY, StackPlan.REFERENCE_PROPERTY,
                BackupPick.PROPERTY, BackupPick.SEED_PROPERTY)) {
            String value = System.getProperty(key);
            if (value != null) {
                overrides.put(key, value);
            }
        }
        return new ScenarioLoader(overrides);
    }

    /** Loads one scenario with the system properties' overrides. */
    public static DrillPlan load(Path file) {
        return fromSystemProperties().read(file);
    }

    /** Loads every scenario of a directory (see {@link #readAll}) with the system properties' overrides. */
    public static List<DrillPlan> loadAll(Path directory) {
        return fromSystemProperties().readAll(directory);
    }

    /**
     * @throws ScenarioException if the file is missing, unreadable, not YAML, or not a valid scenario
     */
    public DrillPlan read(Path file) {
        ScenarioSource source = new ScenarioSource(file);
        Node root = compose(file);
        new SecretScanner(source).scan(root);
        return new PlanReader(source, overrides).read(root);
    }

    /**
     * Loads every {@code *.yml} / {@code *.yaml} file of {@code directory}, sorted by file name. All files are
     * read even when one fails, so one run reports every broken scenario: the first failure is thrown
     * with the others attached as suppressed exceptions.
     *
     * @throws ScenarioException if any scenario is invalid, two share a name, or there is none
     */
    public List<DrillPlan> readAll(Path directory) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(ScenarioLoader::isScenarioFile).sorted().toList();
        } catch (IOException unreadable) {
            throw new ScenarioException(directory, 0, 0, null, "cannot list the scenario directory ("
                    + unreadable.getClass().getSimpleName() + "); check that it exists and is readable.");
        }
        if (files.isEmpty()) {
            throw new ScenarioException(directory, 0, 0, null,
                    "holds no scenario (*.yml or *.yaml files); expected at least one.");
        }
        List<DrillPlan> plans = new ArrayList<>();
        List<ScenarioException> failures = new ArrayList<>();
        Map<String, Path> names = new HashMap<>();
        for (Path file : files) {
            try {
                DrillPlan plan = read(file);
                Path first = names.putIfAbsent(plan.name(), file);
                if (first != null) {
                    throw new ScenarioException(file, 0, 0, "name", "'" + plan.name() + "' is also the name of "
                            + first + "; drill names must be unique, reports are filed by them.");
                }
                plans.add(plan);
            } catch (ScenarioException invalid) {
                failures.add(invalid);
            }
        }
        if (!failures.isEmpty()) {
            ScenarioException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
        return List.copyOf(plans);
    }

    private static boolean isScenarioFile(Path path) {
        String name = path.getFileName().toString();
        return Files.isRegularFile(path) && (name.endsWith(".yml") || name.endsWith(".yaml"));
    }

    /** The file's YAML node graph, keeping each node's position for the errors. */
    private static Node compose(Path file) {
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (NoSuchFileException missing) {
            throw new ScenarioException(file, 0, 0, null, "no such scenario file; scenarios live in drill-scenarios/.");
        } catch (CharacterCodingException notUtf8) {
            throw new ScenarioException(file, 0, 0, null, "is not UTF-8 text; save the scenario as UTF-8.");
        } catch (IOException unreadable) {
            throw new ScenarioException(file, 0, 0, null,
                    "cannot be read (" + unreadable.getClass().getSimpleName() + ").");
        } catch (MarkedYAMLException malformed) {
            throw malformed(file, malformed);
        } catch (YAMLException malformed) {
            // Unmarked failures are rare (e.g. a decoding error inside SnakeYAML's reader).
            throw new ScenarioException(file, 0, 0, null, "is not valid YAML: " + malformed.getMessage());
        }
        if (root == null) {
            throw new ScenarioException(file, 1, 1, null, "the scenario is empty; expected a mapping with at least "
                    + "'name' and 'stores' (see drill-scenarios/README.md).");
        }
        return root;
    }

    /**
     * SnakeYAML's own message quotes the offending line, which could hold a secret: only its problem
     * and position are used.
     */
    private static ScenarioException malformed(Path file, MarkedYAMLException malformed) {
        Mark mark = malformed.getProblemMark() != null ? malformed.getProblemMark() : malformed.getContextMark();
        String problem = malformed.getProblem() != null ? malformed.getProblem() : "cannot be parsed";
        String context = malformed.getContext() != null ? " (" + malformed.getContext() + ")" : "";
        StringBuilder detail = new StringBuilder("malformed YAML: ").append(problem).append(context).append('.');
        if (problem.contains("chomping or indentation indicators")) {
            detail.append(" A value starting with '>' or '|' must be quoted, e.g. expect: \">= 1\".");
        } else if (problem.contains("mapping values are not allowed") || problem.contains("expected <block end>")) {
            detail.append(" Check the indentation of this line against the lines above it, "
                    + "and quote values that contain ': '.");
        }
        int line = mark == null ? 0 : mark.getLine() + 1;
        int column = mark == null ? 0 : mark.getColumn() + 1;
        return new ScenarioException(file, line, column, null, detail.toString());
    }
}
