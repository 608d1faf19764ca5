package dev.restoredrill.restore;

import dev.restoredrill.stack.ReferenceImages;
import dev.restoredrill.store.StoreType;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restoredrill.backup.BackupCatalog;
import dev.restoredrill.backup.ProductionVolumes;
import dev.restoredrill.backup.ScanProgress;
import dev.restoredrill.backup.StoreResult;
import dev.restoredrill.backup.TarFacts;
import dev.restoredrill.backup.VolumeLayout;
import dev.restoredrill.stack.DockerCli;
import dev.restoredrill.stack.DrillCredentials;
import dev.restoredrill.stack.DrillStack;
import dev.restoredrill.stack.LeftoverReaper;
import dev.restoredrill.stack.StackDefinition;
import dev.restoredrill.testsupport.RequiresDocker;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ClickHouse volume with Atomic databases, extracted by the volume-snapshot restore into a fresh volume, keeps
 * ClickHouse's introspection links as links with their absolute targets, and they resolve where the ClickHouse
 * container mounts the volume ({@code /var/lib/clickhouse}).
 */
@RequiresDocker
class AtomicVolumeExtractionIT {
    private static final String HELPER = ReferenceImages.TINY;

    @TempDir
    Path temp;

    @Test
    void introspectionLinksStayLinksAndResolveInsideTheClickHouseMount() throws Exception {
        Path backups = Files.createDirectories(temp.resolve("backups"));
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        Path tarball = ProductionVolumes.writeClickHouseAtomic(backups.resolve("clickhouse_" + date + ".tar.gz"));
        Files.setLastModifiedTime(tarball, FileTime.from(Instant.now()));
        StoreResult catalog = BackupCatalog.scan(backups, List.of(StoreType.CLICKHOUSE.backupSpec()),
                Clock.systemUTC(), ScanProgress.silent()).stores().get(0);
        TarFacts facts = (TarFacts) catalog.facts();
        assertThat(facts.layout()).isEqualTo(VolumeLayout.CLICKHOUSE_ATOMIC);
        assertThat(facts.hostile()).isFalse();

        Path compose = Files.writeString(temp.resolve("compose.yml"), "services:\n  clickhouse:\n    image: " + HELPER
                + "\n    command: [\"sleep\", \"60\"]\n    volumes:\n      - clickhouse-data:/var/lib/clickhouse\n"
                + "volumes:\n  clickhouse-data: {}\n");
        String drillId;
        try (DrillStack stack = DrillStack.create(new StackDefinition(List.of(compose), List.of("clickhouse"),
                Files.createDirectories(temp.resolve("work")), Duration.ofMinutes(1)), DrillCredentials.generate(),
                Clock.systemUTC())) {
            drillId = stack.id().value();
            VolumeSnapshotRestore restore = new VolumeSnapshotRestore("clickhouse", "clickhouse", "clickhouse-data",
                    tarball, facts, HELPER, Duration.ofMinutes(2)).into(TargetImages.OFFICIAL);
            restore.prepare(stack);

            String volume = stack.volumeName("clickhouse-data");
            String listing = inVolume(volume, "ls -l /var/lib/clickhouse/data/default /var/lib/clickhouse/metadata");
            assertThat(listing)
                    .contains("traces -> " + ProductionVolumes.storeTarget(ProductionVolumes.TRACES))
                    .contains("default -> " + ProductionVolumes.storeTarget(ProductionVolumes.DEFAULT_DB));
            assertThat(listing.lines().filter(l -> l.contains(" traces -> "))).singleElement().asString()
                    .startsWith("l");
            // through the link, as ClickHouse (or an operator) sees the table at its mount point
            assertThat(inVolume(volume, "cat /var/lib/clickhouse/data/default/traces/202605_1_2_1/count.txt"
                    + " /var/lib/clickhouse/metadata/default/traces.sql")).startsWith("5ATTACH TABLE _ UUID '"
                    + ProductionVolumes.TRACES + "'");
        }
        assertThat(LeftoverReaper.remaining(drillId)).as("left behind by " + drillId).isEmpty();
    }

    /** Runs a shell line in the helper image with the volume at ClickHouse's data path; its output. */
    private static String inVolume(String volume, String line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = DockerCli.stream(Duration.ofMinutes(1), Map.of(), List.of("run", "--rm", "--network", "none",
                "-v", volume + ":/var/lib/clickhouse:ro", HELPER, "sh", "-c", line), null, out, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isZero();
        return text;
    }
}
