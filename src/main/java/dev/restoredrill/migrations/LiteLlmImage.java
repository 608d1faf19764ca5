package dev.restoredrill.migrations;

import dev.restoredrill.stack.DockerCli;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A LiteLLM proxy image and the Prisma migrations it ships. The official image ({@code ghcr.io/berriai/litellm:
 * v1.77.7-stable}) keeps them in the litellm-proxy-extras package ({@code litellm_proxy_extras/migrations/<folder>/},
 * BerriAI/litellm {@code litellm-proxy-extras}), found through its Python; the reference stand-in
 * ({@code restore-drill/litellm-standin:<release>}) carries its release's pinned list
 * ({@link PinnedMigrations#litellm()}). The image's entrypoint is bypassed: nothing of LiteLLM runs, nothing is pulled.
 */
public record LiteLlmImage(String image, String release, boolean standIn) {

    public static final String STAND_IN_REPOSITORY = "restore-drill/litellm-standin";
    private static final Pattern TAG = Pattern.compile("^(.+):(v\\d+\\.\\d+\\.\\d+(?:[.-][A-Za-z0-9.]+)?)$");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    public static Optional<LiteLlmImage> parse(String image) {
        Matcher matcher = TAG.matcher(image.strip());
        if (!matcher.matches() || !(matcher.group(1).endsWith("berriai/litellm")
                || matcher.group(1).endsWith("berriai/litellm-database")
                || matcher.group(1).equals(STAND_IN_REPOSITORY))) {
            return Optional.empty();
        }
        return Optional.of(new LiteLlmImage(image.strip(), matcher.group(2),
                matcher.group(1).equals(STAND_IN_REPOSITORY)));
    }

    public static String standIn(String release) {
        return STAND_IN_REPOSITORY + ":" + release;
    }

    /** The migrations this image ships: the pinned list of a stand-in, else read from the image. */
    public MigrationRelease migrations() {
        if (standIn) {
            return PinnedMigrations.litellm().load(release);
        }
        // Not run here (no official image can be had on these machines): the package's folder, via its own Python.
        DockerCli.Result result = DockerCli.run(TIMEOUT, "run", "--rm", "--network", "none", "--entrypoint", "sh",
                image, "-c", "ls -1p \"$(python3 -c 'import litellm_proxy_extras, os; "
                        + "print(os.path.dirname(litellm_proxy_extras.__file__))')/migrations\"");
        if (!result.ok()) {
            throw new IllegalStateException("Could not list the Prisma migrations in image " + image + " (the "
                    + "litellm_proxy_extras package's migrations folder): " + result.stderr().strip() + ". The image "
                    + "must be local (the drill pulls nothing here).");
        }
        List<PrismaMigration> prisma = result.stdout().lines().map(String::strip).filter(l -> l.endsWith("/"))
                .map(l -> new PrismaMigration(l.substring(0, l.length() - 1), Optional.empty())).toList();
        return new MigrationRelease(release, "image " + image, List.of(), prisma);
    }
}
