package dev.restoredrill.drill;

import dev.restoredrill.stack.ReferenceImages;
import dev.restoredrill.migrations.LangfuseImage;
import dev.restoredrill.migrations.LiteLlmImage;
import dev.restoredrill.migrations.PinnedMigrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A post-migration drill's candidate images (scenario {@code stack.images}) on the reference stack
 * ({@code -Ddrill.images=reference}): official candidates cannot be pulled there, so each becomes its reference
 * candidate. Langfuse web and worker of release R become the Langfuse stand-in built for R (its pinned migration
 * list); the LiteLLM proxy of release R becomes the LiteLLM stand-in built for R (its pinned Prisma list); an image of
 * the reference set itself runs as named; an image with no reference candidate (LibreChat, ClickHouse) keeps the
 * reference image, with a line saying so. Official mode keeps the real candidates.
 */
final class ReferenceCandidates {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceCandidates.class);
    private static final Pattern LANGFUSE = Pattern.compile("^langfuse/langfuse(-worker)?:\\d+\\.\\d+\\.\\d+$");

    private ReferenceCandidates() {
    }

    static Map<String, String> substitute(Map<String, String> candidates, PinnedMigrations pinned) {
        Map<String, String> reference = new LinkedHashMap<>();
        candidates.forEach((service, image) -> {
            if (LANGFUSE.matcher(image).matches()) {
                String release = LangfuseImage.parse(image).release();
                if (!pinned.releases().contains(release)) {
                    throw new IllegalArgumentException("The candidate " + image + " (service " + service + ") has no "
                            + "reference stand-in: there is no pinned migration list for Langfuse " + release + " in "
                            + PinnedMigrations.DIRECTORY + " (lists exist for " + pinned.releases() + "). Add that "
                            + "release's list (see the README next to the lists) and run compose/reference/build.sh, "
                            + "or run the drill with -Ddrill.images=official.");
                }
                reference.put(service, LangfuseImage.standIn(release));
            } else if (LiteLlmImage.parse(image).filter(parsed -> !parsed.standIn()).isPresent()) {
                String release = LiteLlmImage.parse(image).orElseThrow().release();
                PinnedMigrations lists = PinnedMigrations.litellm();
                if (!lists.releases().contains(release)) {
                    throw new IllegalArgumentException("The candidate " + image + " (service " + service + ") has no "
                            + "reference stand-in: there is no pinned LiteLLM migration list for " + release + " in "
                            + PinnedMigrations.LITELLM_DIRECTORY + " (lists exist for " + lists.releases() + "). Add "
                            + "that release's prisma.txt (see the README next to the lists) and run "
                            + "compose/reference/build.sh, or run the drill with -Ddrill.images=official.");
                }
                reference.put(service, LiteLlmImage.standIn(release));
            } else if (ReferenceImages.isReference(image)) {
                reference.put(service, image); // already a local reference image: runs as the scenario names it
            } else {
                LOG.warn("candidate {} of service {} has no reference stand-in; the reference image runs instead "
                        + "(-Ddrill.images=official runs the real candidate)", image, service);
            }
        });
        return reference;
    }
}
