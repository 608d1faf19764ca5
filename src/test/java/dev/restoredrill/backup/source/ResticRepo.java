package dev.restoredrill.backup.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A real restic repository in a temp directory, made and filled with the real restic program. */
record ResticRepo(Path dir, Path passwordFile) {

    static ResticRepo init(Path dir, String password) throws Exception {
        Path passwordFile = dir.resolveSibling(dir.getFileName() + ".password");
        Files.writeString(passwordFile, password + "\n");
        ResticRepo repo = new ResticRepo(dir, passwordFile);
        repo.restic("init");
        return repo;
    }

    String source() {
        return "restic:" + dir;
    }

    Map<String, String> environment() {
        return Map.of("RESTIC_PASSWORD_FILE", passwordFile.toString());
    }

    /** {@code restic backup DIR}; returns the new snapshot's id. */
    String backup(Path directory) throws Exception {
        String out = restic("backup", "--json", directory.toString());
        String summary = out.lines().filter(l -> l.contains("\"summary\"")).reduce((a, b) -> b).orElseThrow();
        return summary.replaceAll(".*\"snapshot_id\":\"([0-9a-f]+)\".*", "$1");
    }

    String restic(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("restic", "-r", dir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment());
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("restic " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    /** Every file of the repository with its sha256: the repository as a drill must leave it. */
    Map<String, String> contents() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(f).toString(), sha256(f));
            }
        }
        return files;
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
