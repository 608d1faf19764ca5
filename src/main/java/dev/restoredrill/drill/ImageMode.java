package dev.restoredrill.drill;

import dev.restoredrill.restore.TargetImages;
import dev.restoredrill.stack.DockerCli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which images a drill runs: the platform's official ones, or the reference set built from Debian's packages for
 * machines with no registry. {@code -Ddrill.images=official|reference|auto}; auto picks official when every
 * official image of the platform file is already local, else reference (so nothing is ever pulled by default).
 */
public enum ImageMode {
    OFFICIAL, REFERENCE;

    private static final Pattern IMAGE = Pattern.compile("(?m)^\\s+image:\\s*(\\S+)\\s*$");

    /** What the restores may put into a stack of these images (the reference set cannot serve every layout). */
    public TargetImages targetImages() {
        return switch (this) {
            case OFFICIAL -> TargetImages.OFFICIAL;
            case REFERENCE -> TargetImages.REFERENCE;
        };
    }

    public static ImageMode resolve(String setting, Path platformFile) {
        return switch (setting.toLowerCase(java.util.Locale.ROOT)) {
            case "official" -> OFFICIAL;
            case "reference" -> REFERENCE;
            case "auto" -> officialImages(platformFile).stream().allMatch(ImageMode::local) ? OFFICIAL : REFERENCE;
            default -> throw new IllegalArgumentException("-Ddrill.images must be official, reference or auto; found '"
                    + setting + "'");
        };
    }

    static List<String> officialImages(Path platformFile) {
        try {
            Matcher matcher = IMAGE.matcher(Files.readString(platformFile));
            return matcher.results().map(m -> m.group(1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + platformFile, e);
        }
    }

    private static boolean local(String image) {
        return DockerCli.run(Duration.ofSeconds(30), "image", "inspect", image).ok();
    }
}
