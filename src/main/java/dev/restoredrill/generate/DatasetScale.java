package dev.restoredrill.generate;

/**
 * How many of each thing a dataset of a given size holds. Base data (accounts, keys, projects)
 * grows slowly with the size; the growing streams (conversations, spend logs, traces, media) fill
 * the byte budget in the shares of a {@link DatasetMix}, using the measured average size of one item of each stream.
 */
public record DatasetScale(int users, int agents, int teams, int gatewayKeys, int langfuseOrgs,
                           long conversations, long spendLogs, long traces, long mediaObjects) {

    // Average uncompressed bytes of one item, measured on generated data (DatasetTest checks the total).
    static final int THREAD_BYTES = 12_500;       // conversation + its messages + transactions
    static final int SPEND_LOG_BYTES = 1_300;
    static final int TRACE_BYTES = 7_000;         // trace + observations + scores + its S3 event
    static final int MEDIA_BYTES = 96 * 1024;

    static DatasetScale of(long targetBytes, DatasetMix mix) {
        int users = (int) clamp(targetBytes / (256 * 1024), 8, 5_000);
        return new DatasetScale(
                users,
                4 + users / 20,
                3 + users / 100,
                2 + users / 4,
                1 + users / 1_000,
                atLeastOne(targetBytes * mix.conversations() / THREAD_BYTES),
                atLeastOne(targetBytes * mix.spendLogs() / SPEND_LOG_BYTES),
                atLeastOne(targetBytes * mix.traces() / TRACE_BYTES),
                atLeastOne(targetBytes * mix.media() / MEDIA_BYTES));
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }

    private static long atLeastOne(double value) {
        return Math.max(1, (long) value);
    }
}
