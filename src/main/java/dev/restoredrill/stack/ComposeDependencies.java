package dev.restoredrill.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.Yaml;

/**
 * What each service of a compose file has compose start first: its {@code depends_on}, in either of the compose
 * spec's forms (a list of names, or a map of names to conditions), followed through. {@code docker compose up X}
 * starts all of X's dependencies too, so a service may only start early when none of them must wait.
 *
 * @param direct each service's own {@code depends_on} names
 */
record ComposeDependencies(Map<String, Set<String>> direct) {

    ComposeDependencies {
        direct = Map.copyOf(direct);
    }

    static ComposeDependencies read(Path composeFile) {
        try {
            return of(Files.readString(composeFile));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the compose file " + composeFile, e);
        }
    }

    static ComposeDependencies of(String composeYaml) {
        Map<String, Set<String>> direct = new TreeMap<>();
        if (new Yaml().load(composeYaml) instanceof Map<?, ?> file && file.get("services") instanceof Map<?, ?> services) {
            services.forEach((name, service) -> {
                Set<String> needs = new LinkedHashSet<>();
                if (service instanceof Map<?, ?> definition) {
                    Object dependsOn = definition.get("depends_on");
                    if (dependsOn instanceof Map<?, ?> conditions) {
                        conditions.keySet().forEach(dependency -> needs.add(dependency.toString()));
                    } else if (dependsOn instanceof List<?> names) {
                        names.forEach(dependency -> needs.add(dependency.toString()));
                    }
                }
                direct.put(name.toString(), needs);
            });
        }
        return new ComposeDependencies(direct);
    }

    /** Every service {@code service} has compose start first, directly or through another. */
    Set<String> needs(String service) {
        Set<String> all = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(direct.getOrDefault(service, Set.of()));
        while (!next.isEmpty()) {
            String dependency = next.pop();
            if (all.add(dependency)) {
                next.addAll(direct.getOrDefault(dependency, Set.of()));
            }
        }
        return all;
    }
}
