package dev.restoredrill.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A small report folder (text, a binary file, a sub-folder) and the auditor's own commands run on it. */
final class SealedFolder {
    private SealedFolder() {}

    static Path write(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("allure-results"));
        Files.writeString(folder.resolve("evidence.json"), "{\"verdict\":\"PASS\"}\n");
        Files.writeString(folder.resolve("summary.md"), "# Restore drill 2026-Q4 — quarterly\n\n**Verdict: PASS**\n");
        Files.write(folder.resolve("allure-results/0a1b-attachment.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1});
        Files.writeString(folder.resolve("allure-results/0a1b-result.json"), "{\"status\":\"passed\"}");
        return folder;
    }

    /** Runs a command in {@code dir}; returns exit code and output. */
    static Result run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " hung");
        }
        return new Result(p.exitValue(), out);
    }

    record Result(int exit, String output) {}

    /** Flips one byte of a file, as a tamperer (or a bad disk) would. */
    static void flipOneByte(Path file, int at) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[at] ^= 0x01;
        Files.write(file, bytes);
    }
}
