package dev.restoredrill.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restoredrill.backup.TarFacts;
import dev.restoredrill.backup.VolumeLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A volume the target images cannot serve is refused before anything is extracted, naming the layout and the way out. */
class VolumeLayoutRefusalTest {

    private static TarFacts facts(VolumeLayout layout) {
        return new TarFacts(10, 8, 2, 0, 0, 0, 1_000, Map.of("data", 10L), Map.of(), List.of(), false, List.of(), 0,
                List.of(), List.of(), layout, List.of(), List.of(), List.of());
    }

    private static VolumeSnapshotRestore restore(String store, VolumeLayout layout) {
        return new VolumeSnapshotRestore(store, store, store + "_data", Path.of("/backups/" + store
                + "_2026-05-25.tar.gz"), facts(layout), "helper:latest", Duration.ofMinutes(1));
    }

    @Test
    void xlMinioVolumeOnTheReferenceImagesFailsNamingTheLayoutAndTheOfficialImages() {
        // the stack is never touched: a refusal comes before any volume is made
        assertThatThrownBy(() -> restore("minio", VolumeLayout.MINIO_XL).into(TargetImages.REFERENCE).prepare(null))
                .isInstanceOf(RestoreFailedException.class)
                .hasMessage("Restore failure: minio_2026-05-25.tar.gz is a MinIO xl-single volume, which the reference"
                        + " image of minio cannot serve (an S3Proxy stand-in serving plain files, not MinIO's xl.meta);"
                        + " it is not extracted. Run the drill on the official images: -Ddrill.images=official (the"
                        + " platform's images must be local).");
    }

    @Test
    void atomicClickHouseVolumeOnTheReferenceImagesIsRefusedToo() {
        assertThatThrownBy(() -> restore("clickhouse", VolumeLayout.CLICKHOUSE_ATOMIC).into(TargetImages.REFERENCE)
                .prepare(null))
                .hasMessageContaining("is a ClickHouse Atomic volume")
                .hasMessageContaining("ClickHouse 18.16, older than Atomic databases (20.10)")
                .hasMessageContaining("-Ddrill.images=official");
    }

    @Test
    void whatEachImageSetServes() {
        assertThat(TargetImages.REFERENCE.canRead(VolumeLayout.PLAIN_FILES)).isTrue();
        assertThat(TargetImages.REFERENCE.canRead(VolumeLayout.CLICKHOUSE_ORDINARY)).isTrue();
        assertThat(TargetImages.REFERENCE.canRead(VolumeLayout.MINIO_XL)).isFalse();
        assertThat(TargetImages.REFERENCE.canRead(VolumeLayout.CLICKHOUSE_ATOMIC)).isFalse();
        assertThat(VolumeLayout.values()).allMatch(TargetImages.OFFICIAL::canRead);
    }
}
