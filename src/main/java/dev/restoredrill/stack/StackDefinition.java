package dev.restoredrill.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a drill stack is made of: the compose files in merge order, the services to start (empty: all), where
 * the drill keeps its working files, and how long a service may take to become healthy.
 */
public record StackDefinition(List<Path> composeFiles, List<String> services, Path workDir,
                              Duration startupTimeout) {

    public StackDefinition {
        composeFiles = List.copyOf(composeFiles);
        services = List.copyOf(services);
        if (composeFiles.isEmpty()) {
            throw new IllegalArgumentException("a drill stack needs at least one compose file");
        }
    }
}
