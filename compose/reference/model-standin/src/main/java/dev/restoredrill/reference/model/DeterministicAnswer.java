package dev.restoredrill.reference.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model's answer: a function of the prompt and the drill's nonce only, so a drill can predict it and prove it
 * came from this service. A prompt that asks for "the single word 'X'" (the journey's prompt) is answered with X;
 * any other with a short digest of the prompt. The nonce the harness passes in (MODEL_STANDIN_NONCE) is appended,
 * so the answer the journey reads back names the drill whose model service wrote it.
 */
record DeterministicAnswer(String nonce) {

    private static final Pattern SINGLE_WORD = Pattern.compile(
            "(?i)\\breply with (?:the|a|one) single word\\s*['\"‘“]?([\\p{L}\\p{N}_-]+)['\"’”]?");

    DeterministicAnswer {
        nonce = nonce == null ? "" : nonce.strip();
    }

    String to(String prompt) {
        Matcher word = SINGLE_WORD.matcher(prompt);
        String answer = word.find() ? word.group(1) : "Restore drill answer: " + sha256(prompt).substring(0, 8);
        return nonce.isEmpty() ? answer : answer + " [drill model " + nonce + "]";
    }

    /** Tokens are counted as words: a stand-in has no tokenizer; the numbers only need to be repeatable. */
    static int tokens(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}
