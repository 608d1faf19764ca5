package dev.restoredrill.generate;

import java.util.SplittableRandom;
import java.util.UUID;

/** Plausible words, ids and numbers from a seeded random stream. */
final class Text {
    private static final String[] WORDS = ("the a of to and in is it that for on with as this be are was by "
            + "restore backup drill database volume container cluster query index schema table migration "
            + "token budget model gateway trace span score prompt answer question summary report quarterly "
            + "postgres mongodb clickhouse bucket object snapshot archive retention latency throughput error "
            + "timeout retry deploy rollback release version upgrade config secret policy network storage "
            + "customer invoice contract meeting roadmap estimate design review feedback deadline priority "
            + "python java typescript function class method variable loop array string number parse format "
            + "explain compare list describe improve translate draft outline check verify count measure "
            + "quickly carefully usually often never always today tomorrow yesterday morning weekly monthly").split(" ");
    private static final String HEX = "0123456789abcdef";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private Text() {
    }

    static String sentence(SplittableRandom r, int minWords, int maxWords) {
        int n = r.nextInt(minWords, maxWords + 1);
        StringBuilder b = new StringBuilder(n * 7);
        for (int i = 0; i < n; i++) {
            String w = WORDS[r.nextInt(WORDS.length)];
            if (i == 0) {
                b.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
            } else {
                b.append(' ').append(w);
            }
        }
        return b.append(r.nextInt(8) == 0 ? '?' : '.').toString();
    }

    /** Paragraphs of about {@code chars} characters, with newlines as chat answers have. */
    static String paragraphs(SplittableRandom r, int chars) {
        StringBuilder b = new StringBuilder(chars + 80);
        while (b.length() < chars) {
            if (b.length() > 0) {
                b.append(r.nextInt(4) == 0 ? "\n\n" : " ");
            }
            b.append(sentence(r, 5, 18));
        }
        return b.toString();
    }

    static String word(SplittableRandom r) {
        return WORDS[r.nextInt(WORDS.length)];
    }

    static String hex(SplittableRandom r, int length) {
        return pick(r, HEX, length);
    }

    static String alnum(SplittableRandom r, int length) {
        return pick(r, ALNUM, length);
    }

    private static String pick(SplittableRandom r, String alphabet, int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = alphabet.charAt(r.nextInt(alphabet.length()));
        }
        return new String(c);
    }

    /** A version-4 UUID from the seeded stream. */
    static String uuid(SplittableRandom r) {
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** A cuid-like id as Prisma's @default(cuid()) gives (Langfuse's ids). */
    static String cuid(SplittableRandom r) {
        return "c" + pick(r, "abcdefghijklmnopqrstuvwxyz0123456789", 24);
    }

    static <T> T pick(SplittableRandom r, T[] choices) {
        return choices[r.nextInt(choices.length)];
    }
}
