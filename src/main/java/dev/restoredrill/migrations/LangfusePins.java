package dev.restoredrill.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Langfuse release the platform's compose file pins (its {@code langfuse/langfuse:<release>} image). */
public final class LangfusePins {

    public static final Path PLATFORM_FILE = Path.of("compose/platform.yml");
    private static final Pattern WEB_IMAGE = Pattern.compile("(?m)^\\s+image:\\s*langfuse/langfuse:(\\S+)\\s*$");
    private static final Pattern GATEWAY_IMAGE = Pattern.compile("(?m)^\\s+image:\\s*ghcr\\.io/berriai/litellm:(\\S+)\\s*$");

    private LangfusePins() {
    }

    public static String platformRelease() {
        return release(PLATFORM_FILE);
    }

    /** The LiteLLM release the platform pins (its {@code ghcr.io/berriai/litellm:<release>} image). */
    public static String platformGatewayRelease() {
        try {
            Matcher matcher = GATEWAY_IMAGE.matcher(Files.readString(PLATFORM_FILE));
            if (!matcher.find()) {
                throw new IllegalArgumentException(PLATFORM_FILE + " pins no ghcr.io/berriai/litellm:<release> image");
            }
            return matcher.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + PLATFORM_FILE, e);
        }
    }

    public static String release(Path composeFile) {
        try {
            Matcher matcher = WEB_IMAGE.matcher(Files.readString(composeFile));
            if (!matcher.find()) {
                throw new IllegalArgumentException(composeFile + " pins no langfuse/langfuse:<release> image");
            }
            return matcher.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + composeFile, e);
        }
    }
}
