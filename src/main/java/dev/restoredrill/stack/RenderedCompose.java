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
 * What the drill reads from its rendered compose file, parsed once: each service's image and {@code depends_on} (in
 * either of the compose spec's forms, a list of names or a map of names to conditions), and the named volumes.
 * {@code docker compose up X} starts all of X's dependencies too, so a service may only start early when none of
 * them must wait.
 *
 * @param file      the rendered file, for messages
 * @param images    each service's {@code image}, for the services that name one
 * @param dependsOn each service's own {@code depends_on} names
 * @param volumes   the file's top-level named volumes
 */
record RenderedCompose(Path file, Map<String, String> images, Map<String, Set<String>> dependsOn, Set<String> volumes) {

    RenderedCompose {
        images = Map.copyOf(images);
        dependsOn = Map.copyOf(dependsOn);
        volumes = Set.copyOf(volumes);
    }

    static RenderedCompose read(Path file) {
        try {
            return of(file, Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the drill's compose file " + file, e);
        }
    }

    static RenderedCompose of(Path file, String composeYaml) {
        Map<String, String> images = new TreeMap<>();
        Map<String, Set<String>> dependsOn = new TreeMap<>();
        Set<String> volumes = new LinkedHashSet<>();
        if (new Yaml().load(composeYaml) instanceof Map<?, ?> compose) {
            if (compose.get("services") instanceof Map<?, ?> services) {
                services.forEach((name, service) -> {
                    Set<String> needs = new LinkedHashSet<>();
                    if (service instanceof Map<?, ?> definition) {
                        if (definition.get("image") != null) {
                            images.put(name.toString(), definition.get("image").toString());
                        }
                        Object depends = definition.get("depends_on");
                        if (depends instanceof Map<?, ?> conditions) {
                            conditions.keySet().forEach(dependency -> needs.add(dependency.toString()));
                        } else if (depends instanceof List<?> names) {
                            names.forEach(dependency -> needs.add(dependency.toString()));
                        }
                    }
                    dependsOn.put(name.toString(), needs);
                });
            }
            if (compose.get("volumes") instanceof Map<?, ?> declared) {
                declared.keySet().forEach(volume -> volumes.add(volume.toString()));
            }
        }
        return new RenderedCompose(file, images, dependsOn, volumes);
    }

    /** The image the merged file gives {@code service} (after every override). */
    String image(String service) {
        String image = images.get(service);
        if (image == null) {
            throw new IllegalStateException(dependsOn.containsKey(service)
                    ? "service " + service + " has no image in the drill's compose file " + file
                    + "; the drill runs images and builds none, so give it one"
                    : "no service " + service + " in the drill's compose file " + file + " (it has "
                    + dependsOn.keySet() + "); check the stack's compose files and the scenario's services");
        }
        return image;
    }

    /** Every service {@code service} has compose start first, directly or through another. */
    Set<String> needs(String service) {
        Set<String> all = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(dependsOn.getOrDefault(service, Set.of()));
        while (!next.isEmpty()) {
            String dependency = next.pop();
            if (all.add(dependency)) {
                next.addAll(dependsOn.getOrDefault(dependency, Set.of()));
            }
        }
        return all;
    }
}
