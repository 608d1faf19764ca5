package dev.restoredrill.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Merges the platform's compose file with the drill's overrides into one file, with variables left
 * uninterpolated.
 *
 * <p>Why: Testcontainers validates each compose file on its own and rejects {@code container_name}, which the
 * platform's own file sets and only the override removes ({@code !reset}). Compose itself applies the merge;
 * the rendered file carries no secret, because interpolation happens only when the stack starts.
 */
public final class ComposeRenderer {

    private ComposeRenderer() {
    }

    public static Path render(List<Path> composeFiles, String project, Map<String, String> env, Path target) {
        for (Path file : composeFiles) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("compose file " + file + " does not exist; expected the "
                        + "scenario's stack.compose_files to name files relative to the project root");
            }
        }
        List<String> args = new ArrayList<>(List.of("compose", "-p", project));
        for (Path file : composeFiles) {
            args.add("-f");
            args.add(file.toAbsolutePath().toString());
        }
        args.addAll(List.of("config", "--no-interpolate", "--no-normalize"));
        DockerCli.Result result = DockerCli.run(Duration.ofSeconds(60), env, args);
        if (!result.ok()) {
            throw new IllegalStateException("`docker compose config` rejected " + composeFiles + ": "
                    + result.stderr().strip());
        }
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, result.stdout());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the rendered compose file " + target, e);
        }
    }
}
