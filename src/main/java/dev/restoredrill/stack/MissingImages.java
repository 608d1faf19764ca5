package dev.restoredrill.stack;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The images a drill is about to start that the drill host neither has nor can pull, found before compose runs:
 * one line listing them and the ways out, instead of a failure per test after "Local Docker Compose exited
 * abnormally". An image that is not on the engine is pulled once (as compose would); only a failed pull counts.
 */
public final class MissingImages {

    private static final Duration INSPECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PULL_TIMEOUT = Duration.ofMinutes(10);

    private MissingImages() {
    }

    /** Throws {@link DockerUnavailableException} naming every image the drill host cannot have. */
    public static void require(DrillHost host, Collection<String> images) {
        List<String> missing = images.stream().distinct().filter(image -> !present(image)).toList();
        List<CompletableFuture<String>> pulls = missing.stream()
                .map(image -> CompletableFuture.supplyAsync(() -> pulled(image) ? null : image)).toList();
        List<String> unavailable = pulls.stream().map(CompletableFuture::join).filter(i -> i != null).sorted()
                .toList();
        if (!unavailable.isEmpty()) {
            throw new DockerUnavailableException(message(host, unavailable));
        }
    }

    static String message(DrillHost host, List<String> unavailable) {
        return "the drill host " + host.masked() + " lacks " + unavailable.size() + " image(s) and could not pull "
                + "them: " + String.join(", ", unavailable) + ". Ways out: run on the reference images "
                + "(-Ddrill.images=reference, built by `bash compose/reference/build.sh`); load them onto the drill "
                + "host (`docker save " + String.join(" ", unavailable) + " | docker -H <drill host> load`); or let "
                + "the drill host reach their registry (`docker login` there).";
    }

    private static boolean present(String image) {
        return DockerCli.run(INSPECT_TIMEOUT, "image", "inspect", "--format", "{{.Id}}", image).ok();
    }

    private static boolean pulled(String image) {
        try {
            return DockerCli.run(PULL_TIMEOUT, "pull", "--quiet", image).ok();
        } catch (RuntimeException timedOut) {
            return false;
        }
    }
}
