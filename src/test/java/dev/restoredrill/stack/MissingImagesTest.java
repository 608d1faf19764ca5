package dev.restoredrill.stack;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Images the drill host lacks, asked of the real engine (and its registry, which cannot serve them). */
class MissingImagesTest {

    private static final String ABSENT = "restore-drill/absent-for-missing-images-test:0";
    private static final String ALSO_ABSENT = "restore-drill/also-absent-for-missing-images-test:0";

    @Test
    void imagesNeitherOnTheEngineNorPullableAreOneLineWithTheWaysOut() {
        DrillHost host = DrillHost.current();

        assertThatThrownBy(() -> MissingImages.require(host, List.of(ReferenceImages.TINY, ABSENT, ALSO_ABSENT)))
                .isInstanceOf(DockerUnavailableException.class)
                .hasMessageStartingWith("the drill host " + host.masked() + " lacks 2 image(s) and could not pull "
                        + "them: " + ABSENT + ", " + ALSO_ABSENT + ".")
                .hasMessageContaining("-Ddrill.images=reference")
                .hasMessageContaining("docker save " + ABSENT + " " + ALSO_ABSENT + " | docker -H <drill host> load")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(ReferenceImages.TINY + ",")
                        .doesNotContain("\n"));
    }

    @Test
    void imagesOnTheEnginePass() {
        MissingImages.require(DrillHost.current(), List.of(ReferenceImages.TINY, ReferenceImages.SOCAT));
    }
}
