package dev.restoredrill.restore;

import dev.restoredrill.backup.BackupCatalog;
import dev.restoredrill.backup.ScanProgress;
import dev.restoredrill.backup.StoreResult;
import dev.restoredrill.backup.TarFacts;
import dev.restoredrill.stack.DockerCli;
import dev.restoredrill.stack.DrillHost;
import dev.restoredrill.stack.DrillId;
import dev.restoredrill.stack.DrillLabels;
import dev.restoredrill.stack.LeftoverReaper;
import dev.restoredrill.stack.ReferenceImages;
import dev.restoredrill.stack.ServiceEndpoint;
import dev.restoredrill.stack.ServiceStack;
import dev.restoredrill.store.StoreType;
import dev.restoredrill.testsupport.RequiresDocker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A drill host whose disk fills up during a volume-snapshot restore: the volume is a tmpfs of 64 KB (the engine's
 * local driver, type tmpfs; a real ENOSPC from tar, not a simulated one) and the tarball holds 1 MB. The restore
 * fails with one line naming the drill host and what to do, and nothing is left on the engine.
 */
@RequiresDocker
class DiskFullRestoreIT {

    @TempDir
    Path temp;

    @Test
    void aFullDiskDuringExtractionNamesTheDrillHostAndWhatToDo() throws Exception {
        Path backups = Files.createDirectories(temp.resolve("backups"));
        Path data = Files.createDirectories(temp.resolve("volume/data/store"));
        byte[] incompressible = new byte[1 << 20];
        new Random(7).nextBytes(incompressible);
        Files.write(data.resolve("part.bin"), incompressible);
        Path tarball = backups.resolve("clickhouse_" + LocalDate.now(ZoneOffset.UTC) + ".tar.gz");
        // As the runbook takes it: tar czf of the volume's folder, entries under data/.
        Process tar = new ProcessBuilder("tar", "czf", tarball.toString(), "-C", temp.resolve("volume").toString(),
                "data").inheritIO().start();
        assertThat(tar.waitFor()).isZero();
        StoreResult catalog = BackupCatalog.scan(backups, List.of(StoreType.CLICKHOUSE.backupSpec()),
                Clock.systemUTC(), ScanProgress.silent()).stores().get(0);
        TarFacts facts = (TarFacts) catalog.facts();

        SmallDiskStack stack = new SmallDiskStack(new DrillId("drill-20261202-dskful"));
        try {
            VolumeSnapshotRestore restore = new VolumeSnapshotRestore("clickhouse", "clickhouse", "clickhouse-data",
                    tarball, facts, ReferenceImages.TINY, Duration.ofMinutes(2)).into(TargetImages.OFFICIAL);

            assertThatThrownBy(() -> restore.prepare(stack))
                    .isInstanceOf(RestoreFailedException.class)
                    .hasMessageContaining("the drill host " + DrillHost.current().masked()
                            + " ran out of disk while restoring clickhouse")
                    .hasMessageContaining("store/part.bin: Wrote only")
                    .hasMessageContaining("Free space on it")
                    .hasMessageContaining("needs more than 1 MB");
        } finally {
            LeftoverReaper.removeDrill(stack.id().value());
        }
        assertThat(LeftoverReaper.remaining(stack.id().value())).isEmpty();
    }

    /** A STAND-IN stack with only what the extraction uses: volumes, each a 64 KB tmpfs labelled as the drill's. */
    private record SmallDiskStack(DrillId id) implements ServiceStack {
        @Override
        public String volumeName(String logicalName) {
            return id.value() + "_" + logicalName;
        }

        @Override
        public String prepareVolume(String logicalName) {
            String name = volumeName(logicalName);
            DockerCli.require(Duration.ofMinutes(1), "volume", "create", "--driver", "local",
                    "--opt", "type=tmpfs", "--opt", "device=tmpfs", "--opt", "o=size=64k",
                    "--label", DrillLabels.DRILL + "=" + id.value(), name);
            return name;
        }

        @Override
        public void start() {
            throw new UnsupportedOperationException("the extraction runs before any service starts");
        }

        @Override
        public void awaitHealthy(String service, Duration timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String logTail(String service, int lines) {
            return "";
        }

        @Override
        public ServiceEndpoint endpoint(String service, int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int exec(String service, List<String> command, InputStream stdin, OutputStream stdout,
                        OutputStream stderr, Duration timeout) {
            throw new UnsupportedOperationException();
        }
    }
}
