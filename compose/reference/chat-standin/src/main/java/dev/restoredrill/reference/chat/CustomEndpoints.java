package dev.restoredrill.reference.chat;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The custom endpoints of LibreChat's {@code librechat.yaml} ({@code endpoints.custom[]}), read as LibreChat reads
 * them: an entry counts only with a name, an apiKey, a baseURL and models (default or fetch)
 * (packages/api/src/endpoints/custom/config.ts, loadCustomEndpointsConfig); {@code "${VAR}"} values come from the
 * environment (data-provider extractEnvVariable). A missing file means no custom endpoint, as in LibreChat.
 */
record CustomEndpoints(List<Endpoint> endpoints) {

    /** LibreChat's own CONFIG_PATH default in its image. */
    static final String DEFAULT_PATH = "/app/librechat.yaml";
    private static final Pattern ENV_REFERENCE = Pattern.compile("^\\$\\{(\\w+)}$");

    /** One custom endpoint; {@code apiKey} is resolved and never printed. */
    record Endpoint(String name, String baseURL, String apiKey, List<String> models, String modelDisplayLabel) {
        @Override
        public String toString() {
            return name + " at " + baseURL + " (models " + models + ")";
        }
    }

    CustomEndpoints {
        endpoints = List.copyOf(endpoints);
    }

    static CustomEndpoints none() {
        return new CustomEndpoints(List.of());
    }

    Optional<Endpoint> named(String name) {
        return endpoints.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    static CustomEndpoints load(Path file, Map<String, String> env) {
        try (Reader in = Files.newBufferedReader(file)) {
            return parse(new Yaml(new SafeConstructor(new LoaderOptions())).load(in), env, file);
        } catch (NoSuchFileException e) {
            return none();
        } catch (IOException e) {
            throw new StandInException("Cannot read LibreChat's config " + file + ": " + e.getMessage()
                    + ". Mount librechat.yaml there readable by uid 1000, or set CONFIG_PATH.");
        } catch (YAMLException e) {
            throw new StandInException("LibreChat's config " + file + " is not valid YAML: " + e.getMessage()
                    + ". Fix the file (see librechat.example.yaml).");
        }
    }

    static CustomEndpoints parse(Object yaml, Map<String, String> env, Path file) {
        if (yaml == null) {
            return none();
        }
        if (!(yaml instanceof Map<?, ?> root)) {
            throw new StandInException("LibreChat's config " + file + " must be a mapping (version, endpoints, ...); "
                    + "found " + yaml.getClass().getSimpleName() + ".");
        }
        List<Endpoint> endpoints = new ArrayList<>();
        if (root.get("endpoints") instanceof Map<?, ?> configured && configured.get("custom") instanceof List<?> custom) {
            for (Object item : custom) {
                if (item instanceof Map<?, ?> entry) {
                    endpoint(entry, env).ifPresent(endpoints::add);
                }
            }
        }
        return new CustomEndpoints(endpoints);
    }

    private static Optional<Endpoint> endpoint(Map<?, ?> entry, Map<String, String> env) {
        String name = text(entry.get("name"));
        String apiKey = resolve(text(entry.get("apiKey")), env);
        String baseURL = resolve(text(entry.get("baseURL")), env);
        List<String> models = new ArrayList<>();
        boolean fetch = false;
        if (entry.get("models") instanceof Map<?, ?> declared) {
            if (declared.get("default") instanceof List<?> list) {
                list.forEach(model -> models.add(String.valueOf(model)));
            }
            fetch = Boolean.TRUE.equals(declared.get("fetch"));
        }
        if (name.isEmpty() || apiKey.isEmpty() || baseURL.isEmpty() || (models.isEmpty() && !fetch)) {
            return Optional.empty();
        }
        String label = text(entry.get("modelDisplayLabel"));
        return Optional.of(new Endpoint(name, baseURL, apiKey, models, label.isEmpty() ? name : label));
    }

    /** {@code "${VAR}"} → the variable's value, or the text itself when unset (as extractEnvVariable does). */
    private static String resolve(String value, Map<String, String> env) {
        Matcher reference = ENV_REFERENCE.matcher(value);
        if (reference.matches()) {
            String resolved = env.get(reference.group(1));
            return resolved == null || resolved.isEmpty() ? value : resolved;
        }
        return value;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value).trim();
    }

    /**
     * {@code GET /api/endpoints} as LibreChat's EndpointController answers it: the agents endpoint and each custom
     * endpoint with {@code type: "custom"} (custom ones ordered last, as orderEndpointsConfig does without an
     * ENDPOINTS setting).
     */
    Map<String, Object> endpointsConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("agents", Map.of("userProvide", false, "order", 1));
        for (Endpoint endpoint : endpoints) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("type", "custom");
            view.put("userProvide", false);
            view.put("userProvideURL", false);
            view.put("modelDisplayLabel", endpoint.modelDisplayLabel());
            view.put("order", 9999);
            config.put(endpoint.name(), view);
        }
        return config;
    }
}
