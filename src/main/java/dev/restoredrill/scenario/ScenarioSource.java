package dev.restoredrill.scenario;

import java.nio.file.Path;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** The scenario file being read: turns a node and a complaint into a located {@link ScenarioException}. */
record ScenarioSource(Path file) {

    private static final int MAX_SHOWN = 60;

    ScenarioException error(Node node, String field, String detail) {
        return new ScenarioException(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1,
                field, detail);
    }

    /** How a found value is shown in "found ..." : quoted and shortened scalars, the shape of anything else. */
    static String found(Node node) {
        if (node instanceof ScalarNode scalar) {
            if (isNull(scalar)) {
                return "nothing";
            }
            String value = scalar.getValue().strip().replaceAll("\\s+", " ");
            return "'" + (value.length() > MAX_SHOWN ? value.substring(0, MAX_SHOWN) + "…" : value) + "'";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        return "a " + node.getNodeId();
    }

    /** {@code key:} with no value, or {@code ~}/{@code null}: treated as if the key were absent. */
    static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }
}
