package dev.restoredrill.generate;

import java.util.SplittableRandom;

/**
 * Valid bcrypt hashes (cost 10) of unknown random passwords, for the many accounts nobody signs in
 * to: bcrypt at cost 10 takes tens of milliseconds, and a large dataset has thousands of accounts,
 * so they share a small pool. Only the drill's own accounts get a hash of a known password.
 */
final class BcryptPool {
    private static final int SIZE = 32;
    private final long seed;
    private final String[] hashes = new String[SIZE];

    BcryptPool(long seed) {
        this.seed = seed;
    }

    synchronized String pick(SplittableRandom r) {
        int slot = r.nextInt(SIZE);
        if (hashes[slot] == null) {
            hashes[slot] = hash(slot);
        }
        return hashes[slot];
    }

    /** Makes every hash of the pool now (on a thread of its own, while the source stack starts: about 3 s of CPU). */
    void fill() {
        for (int slot = 0; slot < SIZE; slot++) {
            synchronized (this) {
                if (hashes[slot] != null) {
                    continue; // pick() made it already
                }
            }
            String made = hash(slot); // outside the lock: pick() may take a hash made meanwhile
            synchronized (this) {
                if (hashes[slot] == null) {
                    hashes[slot] = made;
                }
            }
        }
    }

    private String hash(int slot) {
        SplittableRandom own = Seeds.random(seed, Seeds.Stream.USER, -1 - slot);
        return Hashes.bcrypt(Text.alnum(own, 24), own);
    }
}
