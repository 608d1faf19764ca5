package dev.restoredrill.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A configuration file of the platform (e.g. {@code librechat.yaml}) delivered into a named volume of the drill
 * before its service starts, streamed on stdin to a helper container ({@code docker run -i … cat > FILE}): the drill
 * host may be another machine, so the platform's bind mount of a local file cannot be used.
 *
 * <p>Why a volume and not {@code docker cp} or compose {@code configs:}: compose v2 (2.40) turns a file config into
 * a bind mount, and copying into the service's container would need a created-but-not-started container, which
 * {@code compose up} does not leave (it creates and starts in one step). A volume is filled first and mounted
 * read-only; the service is pointed at the file by its own setting (LibreChat: {@code CONFIG_PATH}).
 */
public final class ConfigVolume {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private ConfigVolume() {
    }

    /** Creates the drill's volume {@code logicalVolume} and writes {@code file} into it as {@code name}, mode 0644. */
    public static void deliver(ServiceStack stack, String logicalVolume, Path file, String name, String helperImage) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the drill delivers " + file + " into volume " + logicalVolume
                    + ", but there is no such file; it belongs next to the stack's first compose file");
        }
        String volume = stack.prepareVolume(logicalVolume);
        List<String> run = new ArrayList<>(List.of("run", "--rm", "-i", "--network", "none"));
        run.addAll(DrillLabels.cliArgs(stack.id().value(), Map.of(DrillLabels.HELPER, "config-" + logicalVolume)));
        run.addAll(List.of("-v", volume + ":/config", helperImage,
                "sh", "-c", "cat > /config/" + name + " && chmod 0644 /config/" + name));
        StringBuilderStream errors = new StringBuilderStream();
        try (InputStream in = Files.newInputStream(file)) {
            int exit = DockerCli.stream(TIMEOUT, Map.of(), run, in, null, errors);
            if (exit != 0) {
                throw new IllegalStateException("writing " + file.getFileName() + " into volume " + volume
                        + " exited " + exit + ": " + errors + ". Check that image " + helperImage + " is on the "
                        + "drill host " + DrillHost.current().masked());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    /** A small stderr sink (a helper's error message), bounded so a chatty failure cannot fill memory. */
    private static final class StringBuilderStream extends java.io.OutputStream {
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

        @Override
        public void write(int b) {
            if (bytes.size() < 8192) {
                bytes.write(b);
            }
        }

        @Override
        public String toString() {
            return bytes.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
        }
    }
}
