package dev.restoredrill.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code SHA256SUMS}: the sha256 of every file of a report folder, in {@code sha256sum} format (hash, two spaces,
 * path relative to the folder, sorted), so {@code cd reports/2026-Q4 && sha256sum -c SHA256SUMS} checks it. Files
 * added after the drill by design (its signature, {@code approvals.txt}) are not in it: approvals refer to the
 * hash of SHA256SUMS itself ({@link Approvals}).
 */
public final class Sha256Sums {
    public static final String FILE_NAME = "SHA256SUMS";
    public static final String SIGNATURE = "SHA256SUMS.asc";
    /** Written after SHA256SUMS, so not listed in it. */
    static final Set<String> NOT_LISTED = Set.of(FILE_NAME, SIGNATURE, Approvals.FILE_NAME);

    private Sha256Sums() {}

    /** Hashes every regular file (streamed) and writes SHA256SUMS; returns how many files it lists. */
    public static int write(Path folder) {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(folder::relativize).filter(p -> !NOT_LISTED.contains(p.toString()))
                    .sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
            for (Path relative : files) {
                lines.add(line(sha256(folder.resolve(relative)), relative.toString()));
            }
            Files.writeString(folder.resolve(FILE_NAME), String.join("", lines), StandardCharsets.UTF_8);
            return lines.size();
        } catch (IOException e) {
            throw new EvidenceException("Cannot write " + FILE_NAME + " in " + folder + ": " + e + ".", e);
        }
    }

    /** GNU sha256sum's line; a name with a backslash or line break is escaped and the line starts with '\'. */
    static String line(String hex, String path) {
        if (path.indexOf('\\') < 0 && path.indexOf('\n') < 0) {
            return hex + "  " + path + "\n";
        }
        return "\\" + hex + "  " + path.replace("\\", "\\\\").replace("\n", "\\n") + "\n";
    }

    /** The file's sha256, hex, read in 64 KiB blocks. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The files whose content no longer matches SHA256SUMS (or that are gone); empty when the folder is intact. */
    public static List<String> mismatches(Path folder) throws IOException {
        List<String> bad = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            boolean escaped = line.startsWith("\\");
            String body = escaped ? line.substring(1) : line;
            String hex = body.substring(0, 64);
            String path = body.substring(66);
            if (escaped) {
                path = path.replace("\\n", "\n").replace("\\\\", "\\");
            }
            Path file = folder.resolve(path);
            if (!Files.isRegularFile(file) || !sha256(file).equals(hex)) {
                bad.add(path);
            }
        }
        return bad;
    }
}
