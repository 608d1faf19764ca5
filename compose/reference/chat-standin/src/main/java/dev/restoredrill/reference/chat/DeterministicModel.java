package dev.restoredrill.reference.chat;

/**
 * The model behind the stand-in gateway: its answer depends on the prompt only, so a drill can predict it and
 * two drills over the same backup give the same transcript.
 */
final class DeterministicModel {

    private DeterministicModel() {
    }

    static Completion complete(String prompt) {
        int promptWords = wordCount(prompt);
        String answer = "Restore drill answer: " + GatewayKey.sha256Hex(prompt).substring(0, 8)
                + " — " + promptWords + (promptWords == 1 ? " word" : " words");
        return new Completion(answer, promptWords, wordCount(answer));
    }

    static int wordCount(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
}
