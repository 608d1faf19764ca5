package dev.restoredrill.generate;

import java.util.SplittableRandom;

/**
 * One independent random stream per (seed, kind of thing, index), so item 41 of a stream is the same
 * whatever the size of the dataset or the order of generation: a smaller dataset is a prefix of a
 * larger one with the same seed, and any item can be regenerated on its own.
 */
final class Seeds {
    private Seeds() {
    }

    static SplittableRandom random(long seed, Stream kind, long index) {
        return new SplittableRandom(mix(mix(seed ^ kind.salt) + index));
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser, as SplittableRandom itself uses. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    enum Stream {
        USER, AGENT, SESSION, TEAM, GATEWAY_KEY, LANGFUSE, CONVERSATION, SPEND_LOG, TRACE, MEDIA, TIMELINE,
        /** Appended last: a stream's salt is its position, so earlier streams keep their values. */
        TEMPORARY_CHAT;

        private final long salt = 0x9E3779B97F4A7C15L * (ordinal() + 1);
    }
}
