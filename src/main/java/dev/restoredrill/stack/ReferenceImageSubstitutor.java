package dev.restoredrill.stack;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;

import java.util.Map;

/**
 * Lets Testcontainers' own helper images (its tiny image and the socat ambassador) come from the reference set
 * on machines with no registry.
 *
 * <p>Rule: an image that exists locally is used as is (never pulled); otherwise, when the reference set has a
 * stand-in for it locally, the stand-in is used; otherwise the name is left alone and Testcontainers pulls it.
 * So a machine with a registry runs the official images unchanged, and one without never tries a pull.
 */
public final class ReferenceImageSubstitutor extends ImageNameSubstitutor {

    /** Official image (without tag) → the reference image built by compose/reference/build.sh. */
    static final Map<String, String> STAND_INS = Map.of(
            "alpine", ReferenceImages.TINY,
            "alpine/socat", ReferenceImages.SOCAT);

    @Override
    public DockerImageName apply(DockerImageName original) {
        String standIn = STAND_INS.get(original.getUnversionedPart());
        if (standIn == null || existsLocally(original.asCanonicalNameString())) {
            return original;
        }
        return existsLocally(standIn) ? DockerImageName.parse(standIn).asCompatibleSubstituteFor(original)
                : original;
    }

    private static boolean existsLocally(String image) {
        try {
            DockerClientFactory.lazyClient().inspectImageCmd(image).exec();
            return true;
        } catch (RuntimeException notFound) {
            return false;
        }
    }

    @Override
    protected String getDescription() {
        return "restore-drill reference images for Testcontainers' helpers";
    }
}
