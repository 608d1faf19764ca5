package dev.restoredrill.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The post-migration drill's candidate images (scenario {@code stack.images}: service → image) as one more compose
 * override, applied last, so the newest backups are restored into the versions about to be rolled out.
 */
final class CandidateImages {

    private CandidateImages() {
    }

    static Path writeOverride(Map<String, String> images, Path file) {
        StringBuilder yaml = new StringBuilder("# Candidate images of this drill (scenario stack.images).\nservices:\n");
        new TreeMap<>(images).forEach((service, image) -> yaml.append("  ").append(service).append(":\n")
                .append("    image: ").append(image).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
