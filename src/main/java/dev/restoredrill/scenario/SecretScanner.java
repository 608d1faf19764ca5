package dev.restoredrill.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Rejects scenarios that hold a secret. Scenarios live in git and their content reaches reports, so a
 * credential must be named by its environment variable ({@code password_env: DRILL_USER_PASSWORD}),
 * never written out. Runs over the whole document before anything else is read, so even a misplaced or
 * misspelt key cannot carry a secret into an error message: messages here never show the value.
 */
final class SecretScanner {

    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "secret", "token", "key", "apikey");
    /** OpenAI/LiteLLM-style keys ({@code sk-...}, also Langfuse's {@code sk-lf-...}), not inside a word. */
    private static final Pattern API_KEY = Pattern.compile("(?<![A-Za-z0-9])sk-[A-Za-z0-9][A-Za-z0-9-]{7,}");
    /** {@code scheme://user:password@host}. */
    private static final Pattern URL_CREDENTIALS = Pattern.compile("[a-z][a-z0-9+.-]*://[^/\\s:@]+:[^/\\s@]+@",
            Pattern.CASE_INSENSITIVE);
    private static final String REMEDY = " Scenarios must not hold secrets: put it in an environment variable and "
            + "name that variable in a '*_env' field (e.g. 'password_env: DRILL_USER_PASSWORD'). "
            + "The value is not shown here.";

    private final ScenarioSource source;

    SecretScanner(ScenarioSource source) {
        this.source = source;
    }

    void scan(Node root) {
        scan(root, "");
    }

    private void scan(Node node, String path) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple entry : mapping.getValue()) {
                String key = entry.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "?";
                String field = path.isEmpty() ? key : path + "." + key;
                scan(entry.getKeyNode(), field);
                if (namesSecret(key) && holdsLiteral(entry.getValueNode())) {
                    throw source.error(entry.getValueNode(), field, "holds a literal secret (the key '" + key
                            + "' names a credential)." + REMEDY);
                }
                scan(entry.getValueNode(), field);
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                scan(items.get(i), path + "[" + i + "]");
            }
        } else if (node instanceof ScalarNode scalar) {
            String field = path.isEmpty() ? null : path;
            if (API_KEY.matcher(scalar.getValue()).find()) {
                throw source.error(node, field, "holds what looks like an API key ('sk-…')." + REMEDY);
            }
            if (URL_CREDENTIALS.matcher(scalar.getValue()).find()) {
                throw source.error(node, field, "holds a URL with a password in it ('user:…@')." + REMEDY);
            }
        }
    }

    /** password, db_password, apiKey, secret_key, access-token ...; but not password_env (a variable's name). */
    static boolean namesSecret(String key) {
        String[] words = key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
        if (words.length == 0 || words[words.length - 1].equals("env")) {
            return false;
        }
        for (String word : words) {
            if (SECRET_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holdsLiteral(Node value) {
        return value instanceof ScalarNode scalar && !ScenarioSource.isNull(scalar) && !scalar.getValue().isBlank();
    }
}
