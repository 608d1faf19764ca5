package dev.restoredrill.restore;

import dev.restoredrill.outcome.FailureCategory;
import dev.restoredrill.backup.TarFacts;
import dev.restoredrill.backup.VolumeLayout;
import dev.restoredrill.stack.DockerCli;
import dev.restoredrill.stack.DrillLabels;
import dev.restoredrill.stack.ServiceStack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The runbook's ClickHouse and MinIO restore, "extract back into the volume while the service is stopped": the
 * tarball is extracted into the drill's fresh volume by a helper container before the service first starts,
 * with its top folder ({@code data/}, from {@code tar czf … /data}) mapped onto the volume root.
 *
 * <p>Owners are kept numerically as the tar recorded them (the service's image wrote them); the images fix the
 * owner of their data directory at start, as the official ones do. The tarball is streamed to the helper's stdin
 * ({@code docker run -i … tar -xzf -}), never bind-mounted: the drill host may be another machine. It is only read,
 * and a tarball the catalog found hostile is never extracted.
 */
public final class VolumeSnapshotRestore extends ServiceRestore {

    private final String volume;
    private final Path tarball;
    private final TarFacts facts;
    private final String helperImage;
    private final Duration timeout;
    /** How long the extraction took (set by prepare, which runs before load), for the MB/s in the notes. */
    private volatile double extractSeconds = 1e-3;

    private final TargetImages images;

    public VolumeSnapshotRestore(String store, String service, String volume, Path tarball, TarFacts facts,
                                 String helperImage, Duration timeout) {
        this(store, service, volume, tarball, facts, helperImage, timeout, TargetImages.OFFICIAL);
    }

    private VolumeSnapshotRestore(String store, String service, String volume, Path tarball, TarFacts facts,
                                  String helperImage, Duration timeout, TargetImages images) {
        super(store, service);
        this.volume = volume;
        this.tarball = tarball;
        this.facts = facts;
        this.helperImage = helperImage;
        this.timeout = timeout;
        this.images = images;
    }

    /** This restore into a stack of {@code images}: a layout they cannot serve is refused before extraction. */
    public VolumeSnapshotRestore into(TargetImages images) {
        return new VolumeSnapshotRestore(store, service, volume, tarball, facts, helperImage, timeout, images);
    }

    @Override
    public boolean preparesBeforeStart() {
        return true;
    }

    @Override
    public void prepare(ServiceStack stack) throws RestoreFailedException {
        if (facts == null) {
            throw new RestoreFailedException(FailureCategory.CORRUPT_BACKUP, "the catalog could not read " + tarball.getFileName()
                    + ", so it is not extracted; see the catalog's finding for this store.");
        }
        if (facts.hostile()) {
            throw new RestoreFailedException(FailureCategory.CORRUPT_BACKUP, tarball.getFileName() + " is hostile ("
                    + facts.hostileEntries().stream().map(e -> e.entry() + ": " + e.reason()).limit(3).toList()
                    + "); it is never extracted. Inspect how the backup was made.");
        }
        if (!images.canRead(facts.layout())) {
            throw new RestoreFailedException(FailureCategory.RESTORE_FAILURE, tarball.getFileName() + " is a "
                    + facts.layout().label() + " volume, which the " + images.name() + " image of " + service
                    + " cannot serve" + (images == TargetImages.REFERENCE ? " (" + standIn(facts.layout()) + ")" : "")
                    + "; it is not extracted. Run the drill on the official images: -Ddrill.images=official"
                    + " (the platform's images must be local).");
        }
        List<String> topFolders = facts.topLevel().keySet().stream().toList();
        if (topFolders.size() != 1) {
            throw new RestoreFailedException(FailureCategory.CORRUPT_BACKUP, tarball.getFileName() + " should hold one top folder "
                    + "(data/, as `tar czf x.tar.gz /data` writes it), found " + topFolders
                    + "; re-take the snapshot as the runbook does.");
        }
        String volumeName = stack.prepareVolume(volume);
        List<String> run = new ArrayList<>(List.of("run", "--rm", "-i", "--network", "none"));
        run.addAll(DrillLabels.cliArgs(stack.id().value(), Map.of(DrillLabels.HELPER, "extract-" + store)));
        run.addAll(List.of("-v", volumeName + ":/volume", helperImage, "tar", "-xzf", "-", "-C", "/volume",
                "--strip-components=1", "--numeric-owner", "--same-permissions"));
        long started = System.nanoTime();
        int exit;
        try (InputStream in = new RestoreProgress(new BufferedInputStream(Files.newInputStream(tarball), 1 << 16),
                store + " extraction")) {
            exit = DockerCli.stream(timeout, Map.of(), run, in, log, log);
        } catch (IOException e) {
            throw new RestoreFailedException(FailureCategory.RESTORE_FAILURE, "could not read " + tarball
                    + " to stream it to the drill host: " + e.getMessage(), e);
        }
        extractSeconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
        if (exit != 0 && DiskFull.in(log.toString())) {
            throw new RestoreFailedException(FailureCategory.RESTORE_FAILURE, "extracting " + tarball.getFileName()
                    + " failed: " + DiskFull.message(store, log.toString(), facts.fileBytes()));
        }
        if (exit != 0) {
            throw new RestoreFailedException(FailureCategory.RESTORE_FAILURE, "extracting " + tarball.getFileName() + " into volume "
                    + volumeName + " exited " + exit + ": " + log.toString().strip()
                    + ". Check the tarball with `tar tzf`; the catalog's facts for it are in the manifest.");
        }
    }

    private static String standIn(VolumeLayout layout) {
        return layout == VolumeLayout.MINIO_XL ? "an S3Proxy stand-in serving plain files, not MinIO's xl.meta"
                : layout == VolumeLayout.CLICKHOUSE_ATOMIC ? "ClickHouse 18.16, older than Atomic databases (20.10)"
                : "it reads " + TargetImages.REFERENCE.reads();
    }

    private long tarballBytes() {
        try {
            return java.nio.file.Files.size(tarball);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    @Override
    public List<String> load(ServiceStack stack) {
        // The data went in before the service started; being healthy on it is the restore.
        return List.of("extracted " + facts.files() + " files (" + facts.fileBytes() / 1_000_000 + " MB) of "
                + tarball.getFileName() + String.format(" in %.1f s (%.1f MB/s of tarball)", extractSeconds,
                tarballBytes() / 1e6 / extractSeconds) + " into volume " + stack.volumeName(volume) + " before " + service
                + " first started");
    }
}
