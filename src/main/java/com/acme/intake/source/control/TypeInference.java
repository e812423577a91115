package com.acme.intake.source.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.acme.intake.masking.entity.ColumnType;

/**
 * Infers a file column's type from the values of a sample of rows: the narrowest of BIGINT,
 * DECIMAL, DATE ({@code yyyy-MM-dd}), TIMESTAMP (ISO, {@code T} or space), BOOLEAN that every
 * non-empty value fits, else VARCHAR. Numbers with a leading zero ({@code 0123}) stay text, since
 * they are codes (postal codes, phone numbers) whose zeros matter. Digit strings longer than
 * {@link Values#MAX_NUMBER_CHARS} are text: parsing them would be quadratic in their length.
 */
final class TypeInference {

    private boolean integer = true;
    private boolean decimal = true;
    private boolean date = true;
    private boolean timestamp = true;
    private boolean bool = true;
    private boolean seen;

    void accept(Object value) {
        if (value == null || (value instanceof String s && s.isEmpty())) {
            return;
        }
        seen = true;
        if (value instanceof String s) {
            acceptText(s);
        } else if (value instanceof BigDecimal d) {
            integer &= isLong(d);
            date = timestamp = bool = false;
        } else if (value instanceof Boolean) {
            integer = decimal = date = timestamp = false;
        } else if (value instanceof LocalDateTime t) {
            integer = decimal = bool = false;
            date &= t.toLocalTime().equals(LocalTime.MIDNIGHT);
        } else {
            integer = decimal = date = timestamp = bool = false;
        }
    }

    private void acceptText(String s) {
        // A long's 19 digits and a sign; longer is no BIGINT, and is never handed to new BigDecimal.
        if (integer && !(s.length() <= 20 && Values.INTEGER_TEXT.matcher(s).matches() && isLong(new BigDecimal(s)))) {
            integer = false;
        }
        if (decimal && !Values.isNumberText(s)) {
            decimal = false;
        }
        if (date && !parses(() -> LocalDate.parse(s), s.length() == 10)) {
            date = false;
        }
        if (timestamp && !parses(() -> Values.parseTimestamp(s), s.length() >= 10)) {
            timestamp = false;
        }
        if (bool) {
            String lower = s.toLowerCase(Locale.ROOT);
            bool = lower.equals("true") || lower.equals("false");
        }
    }

    ColumnType type() {
        if (!seen) {
            return ColumnType.VARCHAR;
        }
        if (integer) {
            return ColumnType.BIGINT;
        }
        if (decimal) {
            return ColumnType.DECIMAL;
        }
        if (date) {
            return ColumnType.DATE;
        }
        if (timestamp) {
            return ColumnType.TIMESTAMP;
        }
        return bool ? ColumnType.BOOLEAN : ColumnType.VARCHAR;
    }

    private static boolean isLong(BigDecimal d) {
        try {
            d.longValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static boolean parses(Runnable parse, boolean plausible) {
        if (!plausible) {
            return false;
        }
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
