package dev.restoredrill.outcome;

/**
 * The start of a long text (a server's error body, a document) as one line for an error message: whitespace runs
 * become one space and the cut is marked, so a message stays readable whatever the text it quotes.
 */
public final class Excerpt {

    private Excerpt() {
    }

    /** {@code text} on one line, cut after {@code maxChars} characters with an ellipsis. */
    public static String of(String text, int maxChars) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= maxChars ? line : line.substring(0, maxChars) + "…";
    }
}
