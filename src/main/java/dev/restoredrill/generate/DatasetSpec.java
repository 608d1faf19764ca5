package dev.restoredrill.generate;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate: the seed (same seed, same data), the day the newest backup is taken ("as of",
 * so that "recent" means recent to it), and the approximate uncompressed size of the full dataset
 * across all four stores, shared among the growing streams as {@code mix} says.
 */
public record DatasetSpec(long seed, LocalDate asOf, long targetBytes, DatasetMix mix) {
    /** Below this the fixed base data (users, keys, projects) would dominate and the scale stops meaning anything. */
    public static final long MIN_TARGET_BYTES = 1L << 20;

    public DatasetSpec(long seed, LocalDate asOf, long targetBytes) {
        this(seed, asOf, targetBytes, DatasetMix.DEMO);
    }

    public DatasetSpec {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(mix, "mix");
        if (targetBytes < MIN_TARGET_BYTES) {
            throw new GenerateException("Expected a dataset size of at least " + ByteSize.format(MIN_TARGET_BYTES)
                    + ", found " + ByteSize.format(targetBytes) + "; ask for a larger size.");
        }
    }

    public DatasetScale scale() {
        return DatasetScale.of(targetBytes, mix);
    }
}
