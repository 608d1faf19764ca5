package dev.restoredrill.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parallel stack the backups are restored into.
 *
 * @param composeFiles   compose files in the order given to {@code docker compose -f}, relative to the
 *                       working directory; in reference mode the loader appends {@link #REFERENCE_OVERRIDE}
 * @param images         service name → image that replaces the compose file's image (candidate versions
 *                       for a post-migration drill); empty for "the images production runs"
 * @param startupTimeout how long the stack may take to become healthy after the restore
 */
public record StackPlan(List<String> composeFiles, Map<String, String> images, Duration startupTimeout) {

    public static final List<String> DEFAULT_COMPOSE_FILES =
            List.of("compose/platform.yml", "compose/drill.override.yml");
    /** Swaps the official images for the stand-ins obtainable on machines without a registry. */
    public static final String REFERENCE_OVERRIDE = "compose/reference.override.yml";
    /** {@code -Ddrill.reference=true} runs the drill on the reference (stand-in) stack. */
    public static final String REFERENCE_PROPERTY = "drill.reference";
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofMinutes(5);

    public StackPlan {
        if (composeFiles == null || composeFiles.isEmpty()) {
            throw new IllegalArgumentException("composeFiles must name at least one compose file");
        }
        composeFiles = List.copyOf(composeFiles);
        images = Plans.orderedCopy(Plans.requireNonNull(images, "images"));
        if (startupTimeout == null || startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("startupTimeout must be longer than zero");
        }
    }

    /** This stack with the reference override appended, unless it is already listed. */
    public StackPlan withReferenceOverride() {
        if (composeFiles.contains(REFERENCE_OVERRIDE)) {
            return this;
        }
        List<String> files = new ArrayList<>(composeFiles);
        files.add(REFERENCE_OVERRIDE);
        return new StackPlan(files, images, startupTimeout);
    }
}
