package dev.restoredrill.stack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The names code and tests use are the names the reference override runs. */
class ReferenceImagesTest {

    @Test
    void everyStoreAndAppImageOfTheReferenceOverrideIsNamedOnce() throws IOException {
        String override = Files.readString(Path.of("compose/reference.override.yml"));
        Matcher images = Pattern.compile("(?m)^\\s*image:\\s*(\\S+)").matcher(override);
        List<String> named = List.of(ReferenceImages.POSTGRES, ReferenceImages.CLICKHOUSE, ReferenceImages.MINIO,
                ReferenceImages.MONGODB, ReferenceImages.CHAT);
        int found = 0;
        while (images.find()) {
            String image = images.group(1).replace("\"", "");
            if (named.contains(image)) {
                found++;
            }
        }
        assertThat(found).as("store and chat images of reference.override.yml named in ReferenceImages")
                .isEqualTo(named.size());
    }
}
