package dev.restoredrill.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One YAML mapping of the scenario, read field by field. Every failure names the field's full path
 * (e.g. {@code stores[1].rpo}) and the line of the node at fault, which is why the loader works on
 * SnakeYAML's node graph rather than on plain maps.
 */
final class YamlMapping {

    private final ScenarioSource source;
    private final String path;
    private final MappingNode node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMapping(ScenarioSource source, String path, MappingNode node) {
        this.source = source;
        this.path = path;
        this.node = node;
        for (NodeTuple entry : node.getValue()) {
            if (!(entry.getKeyNode() instanceof ScalarNode key)) {
                throw source.error(entry.getKeyNode(), path.isEmpty() ? null : path,
                        "expected plain text keys, found " + ScenarioSource.found(entry.getKeyNode()) + " as a key.");
            }
            NodeTuple first = entries.putIfAbsent(key.getValue(), entry);
            if (first != null) {
                throw source.error(key, fieldPath(key.getValue()), "appears twice in the same mapping (first at line "
                        + (first.getKeyNode().getStartMark().getLine() + 1) + "); keep one.");
            }
        }
    }

    /**
     * @param what what the mapping should hold, for the error when {@code node} is not a mapping
     */
    static YamlMapping of(ScenarioSource source, Node node, String path, String what) {
        if (node instanceof MappingNode mapping) {
            return new YamlMapping(source, path, mapping);
        }
        throw source.error(node, path.isEmpty() ? null : path,
                "expected a mapping (key: value lines) with " + what + ", found " + ScenarioSource.found(node) + ".");
    }

    /** Rejects any key not in {@code known}, suggesting the closest known one: typos must not pass silently. */
    YamlMapping allowOnly(Collection<String> known) {
        for (NodeTuple entry : entries.values()) {
            String key = ((ScalarNode) entry.getKeyNode()).getValue();
            if (!known.contains(key)) {
                throw source.error(entry.getKeyNode(), fieldPath(key), "unknown field." + Suggestions.didYouMean(key, known)
                        + " Known fields here: " + String.join(", ", known) + ".");
            }
        }
        return this;
    }

    String fieldPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    Node node() {
        return node;
    }

    ScenarioSource source() {
        return source;
    }

    /** The key's value node, empty when the key is absent or has no value. */
    Optional<Node> value(String key) {
        NodeTuple entry = entries.get(key);
        if (entry == null || ScenarioSource.isNull(entry.getValueNode())) {
            return Optional.empty();
        }
        return Optional.of(entry.getValueNode());
    }

    /** Text of a required field; {@code expected} describes it for the "missing" error. */
    String text(String key, String expected) {
        return optionalText(key).orElseThrow(() -> missing(key, expected));
    }

    Optional<String> optionalText(String key) {
        return value(key).map(value -> textOf(value, fieldPath(key)));
    }

    /** A required field converted by {@code parser}, whose IllegalArgumentException says what it expected. */
    <T> T parsed(String key, String expected, Function<String, T> parser) {
        return optionalParsed(key, parser).orElseThrow(() -> missing(key, expected));
    }

    <T> Optional<T> optionalParsed(String key, Function<String, T> parser) {
        return value(key).map(value -> parse(value, fieldPath(key), parser));
    }

    /** The items of a list field; empty when absent. */
    List<Node> list(String key, String what) {
        Optional<Node> value = value(key);
        if (value.isEmpty()) {
            return List.of();
        }
        if (value.get() instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        throw source.error(value.get(), fieldPath(key), "expected a list ('- ' items) of " + what + ", found "
                + ScenarioSource.found(value.get()) + ".");
    }

    /** A list field whose items are text, e.g. compose files. */
    Optional<List<String>> optionalTextList(String key, String what) {
        if (value(key).isEmpty()) {
            return Optional.empty();
        }
        List<Node> items = list(key, what);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            texts.add(textOf(items.get(i), fieldPath(key) + "[" + i + "]"));
        }
        return Optional.of(texts);
    }

    /** A nested mapping; empty when absent. */
    Optional<YamlMapping> mapping(String key, String what) {
        return value(key).map(value -> of(source, value, fieldPath(key), what));
    }

    /** The mapping's own entries as text → text, in file order (e.g. service → image). */
    Map<String, String> textEntries(Function<String, String> valueCheck) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            Node value = entry.getValue().getValueNode();
            if (ScenarioSource.isNull(value)) {
                throw source.error(value, fieldPath(entry.getKey()), "missing value; expected text.");
            }
            result.put(entry.getKey(), parse(value, fieldPath(entry.getKey()), valueCheck));
        }
        return result;
    }

    ScenarioException missing(String key, String expected) {
        NodeTuple entry = entries.get(key);
        Node where = entry == null ? node : entry.getValueNode();
        return source.error(where, fieldPath(key), "missing; expected " + expected + ".");
    }

    ScenarioException invalid(String key, String detail) {
        Node where = value(key).orElse(node);
        return source.error(where, fieldPath(key), detail);
    }

    String textOf(Node value, String field) {
        if (value instanceof ScalarNode scalar && !ScenarioSource.isNull(scalar)) {
            if (scalar.getValue().isBlank()) {
                throw source.error(value, field, "expected text, found an empty value.");
            }
            return scalar.getValue().strip();
        }
        throw source.error(value, field, "expected text, found " + ScenarioSource.found(value) + ".");
    }

    private <T> T parse(Node value, String field, Function<String, T> parser) {
        String text = textOf(value, field);
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException invalid) {
            String hint = invalid instanceof InvalidValue withHint ? withHint.hint() : "";
            throw source.error(value, field,
                    invalid.getMessage() + ", found " + ScenarioSource.found(value) + "." + hint);
        }
    }
}
