package dev.restoredrill.restore;

import dev.restoredrill.backup.VolumeLayout;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which volume layouts the images of a drill stack can serve. The reference images cannot read what only the real
 * servers write: ClickHouse 18.16 predates Atomic databases (20.10), and the S3Proxy stand-in serves plain files,
 * not MinIO's xl format.
 *
 * @param name  the image set, for messages
 * @param reads the layouts its services start on
 */
public record TargetImages(String name, Set<VolumeLayout> reads) {
    public static final TargetImages REFERENCE = new TargetImages("reference",
            EnumSet.of(VolumeLayout.PLAIN_FILES, VolumeLayout.CLICKHOUSE_ORDINARY));
    public static final TargetImages OFFICIAL = new TargetImages("official", EnumSet.allOf(VolumeLayout.class));

    public TargetImages {
        reads = Set.copyOf(reads);
    }

    public boolean canRead(VolumeLayout layout) {
        return layout == null || reads.contains(layout);
    }
}
