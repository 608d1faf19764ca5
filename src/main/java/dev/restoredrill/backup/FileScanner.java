package dev.restoredrill.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One streaming pass over a backup file: sha256 of the raw bytes, size, full gzip decompression and the
 * format's facts, all from the same read, in constant memory; the sha256 runs on a thread of its own
 * ({@link HashingAsideInputStream}), beside the decompression.
 */
final class FileScanner {
    private final ScanProgress progress;
    private final Duration progressInterval;
    private final long pgDumpWarnBytes;

    FileScanner(ScanProgress progress, Duration progressInterval, long pgDumpWarnBytes) {
        this.progress = progress;
        this.progressInterval = progressInterval;
        this.pgDumpWarnBytes = pgDumpWarnBytes;
    }

    FileScan scan(String store, Path file, BackupFormat format) {
        String name = file.getFileName().toString();
        try {
            long size = BackupFiles.readableSize(file);
            MessageDigest sha256 = sha256();
            try (InputStream in = BackupFiles.openReadOnly(file);
                 HashingAsideInputStream hashing = new HashingAsideInputStream(in, sha256)) {
                ProgressInputStream counted = new ProgressInputStream(hashing, progress,
                        new ScanProgress.Target(store, "scan", name, size), progressInterval);
                FailureRecordingInputStream fileLayer = new FailureRecordingInputStream(counted);
                InputStream raw = new BufferedInputStream(fileLayer, 1 << 16);
                FormatReader reader = FormatReader.forFormat(format, size, pgDumpWarnBytes);
                GzipLayer gzip = null;
                FormatFacts facts = null;
                List<String> failures = new ArrayList<>();
                try {
                    if (size == 0) {
                        throw new BackupDefectException("empty file (0 bytes): the backup job wrote nothing;"
                                + " check its log and the free space of the backups disk.");
                    }
                    gzip = GzipLayer.open(raw, counted::bytesRead);
                    facts = reader.read(gzip);
                    BackupFiles.drain(gzip); // the gzip CRC and length are checked only at the very end
                    facts.defects().forEach(defect -> failures.add(name + ": " + defect));
                } catch (IOException e) {
                    if (fileLayer.failure() != null) {
                        throw BackupFiles.unreadable(name, fileLayer.failure());
                    }
                    failures.add(name + ": " + describe(e, gzip, reader, format));
                }
                BackupFiles.drain(raw); // hash every byte, also after a defect or bytes gzip ignores
                counted.finish();
                return new FileScan(size, HexFormat.of().formatHex(hashing.digest()),
                        gzip == null ? null : gzip.bytesOut(), facts, List.copyOf(failures), null);
            }
        } catch (BackupUnreadableException e) {
            return FileScan.unreadable(e.getMessage());
        } catch (IOException e) {
            return FileScan.unreadable(BackupFiles.unreadable(name, e).getMessage());
        }
    }

    /** The gzip layer's own failure wins: a reader above may have renamed it (e.g. "archive truncated"). */
    private static String describe(IOException e, GzipLayer gzip, FormatReader reader, BackupFormat format) {
        if (gzip != null && gzip.failure() != null) {
            return gzip.failure().getMessage() + " Reading stopped at " + reader.position() + ".";
        }
        if (e instanceof BackupDefectException) {
            return e.getMessage();
        }
        return "cannot be read as " + format + " at " + reader.position() + " (" + e.getMessage()
                + "): the content is damaged or not what the store's backup job writes.";
    }

    /** The sha256 of the file now, in a separate streaming pass (to see that the drill left it unchanged). */
    String rehash(String store, Path file) throws BackupUnreadableException {
        String name = file.getFileName().toString();
        long size = BackupFiles.readableSize(file);
        MessageDigest sha256 = sha256();
        try (InputStream in = BackupFiles.openReadOnly(file)) {
            ProgressInputStream counted = new ProgressInputStream(new DigestInputStream(in, sha256), progress,
                    new ScanProgress.Target(store, "re-hash", name, size), progressInterval);
            BackupFiles.drain(counted);
            counted.finish();
            return HexFormat.of().formatHex(sha256.digest());
        } catch (BackupUnreadableException e) {
            throw e;
        } catch (IOException e) {
            throw BackupFiles.unreadable(name, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
