package dev.restoredrill.verify;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * Turns the one value a store answered into a {@link Measurement}. Timestamps without a zone (Postgres
 * {@code timestamp}, ClickHouse {@code DateTime} in TabSeparated) are read as UTC, the zone the platform's
 * containers run in.
 */
final class CellValues {

    /** ClickHouse's and Postgres' text form: {@code 2026-11-23 21:10:00} with optional fraction. */
    private static final DateTimeFormatter SPACED = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter();
    private static final String CLICKHOUSE_ZERO_DATE = "0000-00-00";

    private CellValues() {
    }

    /** A JDBC value: numbers, booleans (as 1/0, like ClickHouse's UInt8 flags), timestamps, text. */
    static Measurement fromObject(Object cell) {
        if (cell == null) {
            return Measurement.nothing("NULL");
        }
        if (cell instanceof Boolean flag) {
            return Measurement.count(flag ? 1 : 0);
        }
        if (cell instanceof Number number) {
            return fromNumber(new BigDecimal(number.toString()), number.toString());
        }
        if (cell instanceof OffsetDateTime time) {
            return Measurement.instant(time.toInstant());
        }
        if (cell instanceof ZonedDateTime time) {
            return Measurement.instant(time.toInstant());
        }
        if (cell instanceof LocalDateTime time) {
            return Measurement.instant(time.toInstant(ZoneOffset.UTC));
        }
        if (cell instanceof LocalDate day) {
            return Measurement.instant(day.atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (cell instanceof Instant instant) {
            return Measurement.instant(instant);
        }
        if (cell instanceof Timestamp timestamp) {
            return Measurement.instant(timestamp.toInstant());
        }
        if (cell instanceof Date date) {
            return Measurement.instant(date.toInstant());
        }
        return fromText(cell.toString());
    }

    /** A value in text form: a TabSeparated cell ({@code \N} is NULL) or a string field. */
    static Measurement fromText(String text) {
        String value = text.strip();
        if (value.equals("\\N")) {
            return Measurement.nothing("NULL");
        }
        if (value.startsWith(CLICKHOUSE_ZERO_DATE)) {
            // max() over no rows in ClickHouse 18.x gives the zero date rather than NULL.
            return Measurement.nothing(value + " (ClickHouse's zero date: no rows)");
        }
        try {
            return fromNumber(new BigDecimal(value), value);
        } catch (NumberFormatException notANumber) {
            return parseInstant(value);
        }
    }

    private static Measurement fromNumber(BigDecimal number, String shown) {
        try {
            return Measurement.count(number.longValueExact());
        } catch (ArithmeticException fractional) {
            return Measurement.other(shown);
        }
    }

    private static Measurement parseInstant(String value) {
        try {
            return Measurement.instant(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notOffset) {
            // fall through to zone-less forms
        }
        for (DateTimeFormatter format : new DateTimeFormatter[] {DateTimeFormatter.ISO_LOCAL_DATE_TIME, SPACED}) {
            try {
                return Measurement.instant(LocalDateTime.parse(value, format).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notThisForm) {
                // try the next
            }
        }
        try {
            return Measurement.instant(LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notADate) {
            return Measurement.other(value);
        }
    }
}
