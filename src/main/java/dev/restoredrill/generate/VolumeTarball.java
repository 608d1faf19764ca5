package dev.restoredrill.generate;

import dev.restoredrill.stack.ReferenceImages;
import dev.restoredrill.stack.DockerCli;
import java.util.Map;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The runbook's weekly volume snapshot, {@code docker run --rm -v VOLUME:/data -v OUT:/out IMAGE
 * tar czf /out/NAME.tar.gz /data}, taken while the service is stopped and restarted afterwards.
 * Entries come out under {@code data/} (tar strips the leading slash), as the runbook's do. The archive is
 * streamed from the container's stdout into the file ({@code tar czf - /data}) instead of a bind-mounted
 * {@code /out}: the engine may be another machine's. Compressed at gzip level 1 for speed, as {@link FastGzip} says.
 */
final class VolumeTarball {
    /** Long enough for a dump or tarball of a large set; a hung docker command still ends. */
    private static final java.time.Duration DOCKER_TIMEOUT = java.time.Duration.ofHours(6);

    static final String DEFAULT_IMAGE = ReferenceImages.TINY;

    private VolumeTarball() {
    }

    /** {@code restart}: start the service again afterwards (not after the last snapshot: nothing loads into it then). */
    static void write(SourceStack stack, String service, String logicalVolume, Path file, String image, String ownerLabel,
                      boolean restart) {
        String volume = stack.volumeName(logicalVolume);
        stack.stopService(service);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            BoundedCapture stderr = new BoundedCapture();
            int exit = DockerCli.stream(DOCKER_TIMEOUT, Map.of(), List.of("run", "--rm", "--label", ownerLabel,
                    "-v", volume + ":/data:ro", image, "tar", "--use-compress-program=gzip -1", "-cf", "-", "/data"), null, out, stderr);
            if (exit != 0) {
                throw new GenerateException("tar of volume " + volume + " exited with " + exit + ": " + stderr
                        + ". Check that image " + image + " exists locally and the volume is there.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        } finally {
            if (restart) {
                stack.startService(service);
            }
        }
    }
}
