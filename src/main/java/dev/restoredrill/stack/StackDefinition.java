package dev.restoredrill.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a drill stack is made of: the compose files in merge order, the services to start (empty: all), where
 * the drill keeps its working files, how long a service may take to become healthy, and variables the drill
 * sets for the compose files (secrets among them, such as the gateway key: never logged).
 */
public record StackDefinition(List<Path> composeFiles, List<String> services, Path workDir,
                              Duration startupTimeout, Map<String, String> environment) {

    public StackDefinition(List<Path> composeFiles, List<String> services, Path workDir, Duration startupTimeout) {
        this(composeFiles, services, workDir, startupTimeout, Map.of());
    }

    public StackDefinition {
        composeFiles = List.copyOf(composeFiles);
        services = List.copyOf(services);
        environment = Map.copyOf(environment);
        if (composeFiles.isEmpty()) {
            throw new IllegalArgumentException("a drill stack needs at least one compose file");
        }
    }
}
