package dev.restoredrill.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the drill's network is internal (the default, from compose/drill.override.yml) or, for tests of the
 * isolation evidence only, an ordinary bridge with a route out ({@code -Ddrill.isolation=off}). A drill run with
 * isolation off fails its isolation test: the egress probe connects from inside.
 */
public enum NetworkIsolation {
    INTERNAL,
    OFF;

    public static final String PROPERTY = "drill.isolation";

    public static NetworkIsolation fromSystemProperty() {
        return parse(System.getProperty(PROPERTY, "on"));
    }

    static NetworkIsolation parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "", "on", "internal" -> INTERNAL;
            case "off" -> OFF;
            default -> throw new IllegalArgumentException("-D" + PROPERTY + " expects 'on' (the default: the drill's "
                    + "network is internal) or 'off' (tests of the isolation probe only: the drill then fails), found '"
                    + value + "'");
        };
    }

    /** The compose override that turns isolation off, written into {@code workDir}; none when isolation is on. */
    public Optional<Path> override(Path workDir) {
        if (this == INTERNAL) {
            return Optional.empty();
        }
        Path file = workDir.resolve("isolation-off.override.yml");
        try {
            Files.createDirectories(workDir);
            Files.writeString(file, "# -Ddrill.isolation=off: the drill's network gets a route out. For tests of the\n"
                    + "# isolation probe only; a drill run so fails its isolation test.\n"
                    + "networks:\n  default:\n    internal: false\n");
            return Optional.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
