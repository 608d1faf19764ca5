package dev.restoredrill.reference.chat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One answer of the stand-in model, with the usage LiteLLM would log for it. Tokens are counted as words: a
 * stand-in has no tokenizer, and the drill only needs the numbers to be consistent and repeatable.
 */
record Completion(String text, int promptTokens, int completionTokens) {

    /** A fixed price, so that the same chat always costs the same and spend sums can be checked. */
    static final BigDecimal PRICE_PER_TOKEN = new BigDecimal("0.000002");
    private static final int WORDS_PER_DELTA = 2;

    int totalTokens() {
        return promptTokens + completionTokens;
    }

    double spend() {
        return PRICE_PER_TOKEN.multiply(BigDecimal.valueOf(totalTokens())).doubleValue();
    }

    /** The answer cut into the pieces the stream sends; joined, they are exactly {@link #text()}. */
    List<String> deltas() {
        List<String> deltas = new ArrayList<>();
        int start = 0;
        int words = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ' && ++words % WORDS_PER_DELTA == 0) {
                deltas.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            deltas.add(text.substring(start));
        }
        return deltas;
    }
}
