package dev.restoredrill.migrations;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Langfuse image reference and the release it carries: the official {@code langfuse/langfuse:3.112.0} (and
 * {@code langfuse/langfuse-worker}), or the reference stand-in {@code restore-drill/langfuse-standin:3.112.0},
 * which is built per release from that release's pinned migration list.
 */
public record LangfuseImage(String image, String release, boolean standIn) {

    public static final String STAND_IN_REPOSITORY = "restore-drill/langfuse-standin";
    private static final Pattern TAG = Pattern.compile("^(.+):(\\d+\\.\\d+\\.\\d+)$");

    public static LangfuseImage parse(String image) {
        Matcher matcher = TAG.matcher(image.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Cannot tell the Langfuse release of image '" + image + "': expected "
                    + "a tag naming the release, e.g. langfuse/langfuse:3.112.0. Pin Langfuse images by release.");
        }
        return new LangfuseImage(image.strip(), matcher.group(2), matcher.group(1).equals(STAND_IN_REPOSITORY));
    }

    public static String standIn(String release) {
        return STAND_IN_REPOSITORY + ":" + release;
    }
}
