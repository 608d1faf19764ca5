package dev.restoredrill.verify;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a check measured in a store. A store answers one value; depending on its type it serves as a number
 * (counts, flags), a timestamp (the newest record), both (an S3 listing's count and newest object), or nothing
 * (no rows, NULL, an empty collection).
 *
 * @param actual  the value as the report shows it
 * @param number  the value as a whole number, if it is one
 * @param newest  the value as an instant, if it is one
 * @param absent  true when the store had no value at all (no row, NULL, nothing matched)
 */
public record Measurement(String actual, OptionalLong number, Optional<Instant> newest, boolean absent) {

    public static Measurement count(long count) {
        return new Measurement(Long.toString(count), OptionalLong.of(count), Optional.empty(), false);
    }

    public static Measurement instant(Instant instant) {
        return new Measurement(instant.toString(), OptionalLong.empty(), Optional.of(instant), false);
    }

    /** A value that is neither a number nor a time, e.g. a string; checks comparing it end in ERROR. */
    public static Measurement other(String shown) {
        return new Measurement(shown, OptionalLong.empty(), Optional.empty(), false);
    }

    /** No value: {@code why} is shown, e.g. "no rows" or "NULL". */
    public static Measurement nothing(String why) {
        return new Measurement(why, OptionalLong.empty(), Optional.empty(), true);
    }
}
