package dev.restoredrill.generate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a dataset's bytes are shared among the growing streams: LibreChat's conversations (MongoDB), LiteLLM's spend
 * logs (Postgres), Langfuse's traces (ClickHouse, with their events in S3) and media (S3). The default is the
 * demo's; a production-shaped set (a Postgres dump twice the size of each other backup, say) asks for its own
 * with {@code --mix spend=51,conversations=23,traces=22,media=4}. Weights, normalised to a sum of 1.
 */
public record DatasetMix(double conversations, double spendLogs, double traces, double media) {
    public static final DatasetMix DEMO = new DatasetMix(0.40, 0.20, 0.32, 0.08);
    private static final List<String> STREAMS = List.of("conversations", "spend", "traces", "media");

    public DatasetMix {
        double sum = conversations + spendLogs + traces + media;
        if (conversations < 0 || spendLogs < 0 || traces < 0 || media < 0 || sum <= 0) {
            throw new GenerateException("Expected a dataset mix of weights that are not negative and not all zero, found "
                    + conversations + ", " + spendLogs + ", " + traces + ", " + media + ".");
        }
        conversations /= sum;
        spendLogs /= sum;
        traces /= sum;
        media /= sum;
    }

    /** {@code spend=51,conversations=23,traces=22,media=4}; a stream left out gets no share. */
    public static DatasetMix parse(String text) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length != 2 || !STREAMS.contains(pair[0].trim())) {
                throw new GenerateException("Expected --mix as stream=weight pairs of " + STREAMS + ", e.g. "
                        + "spend=51,conversations=23,traces=22,media=4; found '" + part.trim() + "'.");
            }
            try {
                weights.put(pair[0].trim(), Double.parseDouble(pair[1].trim()));
            } catch (NumberFormatException e) {
                throw new GenerateException("Expected a number as the weight of " + pair[0].trim() + " in --mix, found '"
                        + pair[1].trim() + "'.", e);
            }
        }
        return new DatasetMix(weights.getOrDefault("conversations", 0.0), weights.getOrDefault("spend", 0.0),
                weights.getOrDefault("traces", 0.0), weights.getOrDefault("media", 0.0));
    }
}
