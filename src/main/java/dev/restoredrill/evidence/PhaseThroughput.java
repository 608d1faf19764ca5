package dev.restoredrill.evidence;

import dev.restoredrill.backup.Sizes;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How fast one data-moving phase of the drill went for one store (issue 16): what it moved, in how long, and the
 * rate. MB is 10^6 bytes, as the catalog's progress lines quote it. A phase that failed or did not run has no rate
 * (never 0 MB/s), and neither has one that took no measurable time.
 *
 * @param phase   {@value #CATALOG}, {@value #FETCH}, {@value #RESTORE}, {@value #REHASH}, or a check's kind
 *                ({@code pg-full-read}, {@code clickhouse-full-read}, {@code s3-verify})
 * @param store   the store it moved the data of
 * @param check   the scenario check's name for a check's phase, else null
 * @param status  whether it ran to its end
 * @param bytes   bytes moved (the backup file's for the catalog, re-hash and restore; read from the restored store
 *                for a check); null when not known
 * @param rows    rows read, when the phase counts rows and not bytes; else null
 * @param elapsed wall time of the phase, null when it did not run
 */
@JsonIgnoreProperties(value = {"seconds", "mb_per_second", "rows_per_second"}, allowGetters = true)
// The derived rates after the components, in this order: the JVM lists a class's methods in no fixed order.
@com.fasterxml.jackson.annotation.JsonPropertyOrder({"phase", "store", "check", "status", "bytes", "rows", "elapsed",
        "seconds", "mb_per_second", "rows_per_second"})
public record PhaseThroughput(String phase, String store, String check, Status status, Long bytes, Long rows,
        Duration elapsed) {
    public static final String CATALOG = "catalog";
    public static final String FETCH = "fetch";
    public static final String RESTORE = "restore";
    public static final String REHASH = "re-hash";

    public enum Status {
        /** The phase ran to its end: its rate is shown. */
        COMPLETED,
        /** It started and failed: what it moved before, if known, but no rate. */
        FAILED,
        /** It never ran (the drill did not get there, or a pre-flight). */
        NOT_RUN
    }

    public PhaseThroughput {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(status, "status");
    }

    public static PhaseThroughput completed(String phase, String store, long bytes, Duration elapsed) {
        return new PhaseThroughput(phase, store, null, Status.COMPLETED, bytes, null, elapsed);
    }

    public static PhaseThroughput failed(String phase, String store, Long bytes, Duration elapsed) {
        return new PhaseThroughput(phase, store, null, Status.FAILED, bytes, null, elapsed);
    }

    public static PhaseThroughput notRun(String phase, String store) {
        return new PhaseThroughput(phase, store, null, Status.NOT_RUN, null, null, null);
    }

    /** The elapsed time in seconds (millisecond precision), null when it did not run. */
    @JsonProperty("seconds")
    public Double seconds() {
        return elapsed == null ? null : elapsed.toMillis() / 1000.0;
    }

    /** Bytes / 10^6 / seconds; null when it did not complete, moved no known bytes, or took no measurable time. */
    @JsonProperty("mb_per_second")
    public Double mbPerSecond() {
        return rate(bytes, 1e6);
    }

    /** Rows per second, for a phase that counts rows (ClickHouse's full read); null as {@link #mbPerSecond()}. */
    @JsonProperty("rows_per_second")
    public Double rowsPerSecond() {
        return bytes != null ? null : rate(rows, 1);
    }

    private Double rate(Long amount, double unit) {
        if (status != Status.COMPLETED || amount == null || elapsed == null || elapsed.isNegative()
                || elapsed.isZero()) {
            return null;
        }
        return amount / unit / (elapsed.toNanos() / 1e9);
    }

    /** "20.3 MB/s", "1,204 rows/s", or why there is none: "failed", "not run", "too fast to time", "—". */
    public String rate() {
        Double mb = mbPerSecond();
        if (mb != null) {
            // a small backup's restore is mostly the stack's start: its slow rate still shows as a number
            return (mb >= 10 || mb == 0 ? String.format(Locale.ROOT, "%.1f", mb)
                    : mb >= 0.01 ? String.format(Locale.ROOT, "%.2f", mb) : "< 0.01") + " MB/s";
        }
        Double perRow = rowsPerSecond();
        if (perRow != null) {
            return String.format(Locale.ROOT, "%,.0f rows/s", perRow);
        }
        return switch (status) {
            case FAILED -> "failed";
            case NOT_RUN -> "not run";
            case COMPLETED -> elapsed == null || elapsed.isZero() ? "too fast to time" : "—";
        };
    }

    /** "812.3 MB", "1,204 rows", or "—" when nothing is known. */
    public String amount() {
        if (bytes != null) {
            return size(bytes);
        }
        return rows != null ? String.format(Locale.ROOT, "%,d rows", rows) : "—";
    }

    /** "40.1 s", "47 ms" under a second, or "—" when it did not run. */
    public String time() {
        if (elapsed == null) {
            return "—";
        }
        return elapsed.toMillis() < 1_000 ? elapsed.toMillis() + " ms"
                : String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
    }

    /**
     * One line for the log and the Allure step: "restore of postgres: 812.3 MB in 40.1 s (20.3 MB/s)",
     * "… failed after 12.0 s", "… not run".
     */
    public String describe() {
        String what = (check != null ? phase + " '" + check + "'" : phase) + " of " + store;
        return switch (status) {
            case NOT_RUN -> what + ": not run";
            case FAILED -> what + ": failed" + (elapsed == null ? "" : " after " + time())
                    + (bytes == null && rows == null ? "" : " (" + amount() + " moved)") + ", no rate";
            case COMPLETED -> what + ": " + amount() + " in " + time() + " (" + rate() + ")";
        };
    }

    /** Decimal units as rates are quoted: 532 B, 12.3 kB, 812.3 MB, 5.12 GB. */
    static String size(long n) {
        return Sizes.bytesOneDecimal(n);
    }
}
