package com.acme.intake.source.control;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import com.acme.intake.masking.entity.ColumnType;

/**
 * Converts a value read from a source (typed by JDBC, text from a CSV cell, or a typed XLSX cell)
 * to the Java type of the wanted {@link ColumnType}, as {@link com.acme.intake.source.entity.RowCursor}
 * promises. One place for the rules, so a database column and a file column behave alike.
 */
final class Values {

    static final Pattern INTEGER_TEXT = Pattern.compile("-?(0|[1-9][0-9]*)");
    static final Pattern DECIMAL_TEXT = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");
    /** The longest text read as a number ({@link FileLimits#numberChars()}). */
    static final int MAX_NUMBER_CHARS = FileLimits.DEFAULT.numberChars();

    /** A value that does not fit the wanted type; carries no value, so it can be reported. */
    static final class Unconvertible extends Exception {
        Unconvertible() {
            super(null, null, false, false);
        }
    }

    private Values() {
    }

    /** Whether a text is a plain decimal number short enough to be parsed. */
    static boolean isNumberText(String s) {
        return s.length() <= MAX_NUMBER_CHARS && DECIMAL_TEXT.matcher(s).matches();
    }

    /**
     * Whether every value of a source type can be read as the wanted type (a narrower integer may
     * still fail per value when out of range). Text is always possible; otherwise the family must
     * match, integers widen to decimals and dates to timestamps.
     */
    static boolean convertible(ColumnType source, ColumnType wanted) {
        if (wanted.kind() == ColumnType.Kind.TEXT) {
            return true;
        }
        if (source == null) {
            return false;
        }
        return switch (wanted.kind()) {
            case INTEGER -> source.kind() == ColumnType.Kind.INTEGER;
            case DECIMAL -> source.isNumeric();
            case BOOLEAN -> source.kind() == ColumnType.Kind.BOOLEAN;
            case DATE -> source.kind() == ColumnType.Kind.DATE;
            case TIMESTAMP -> source.isTemporal();
            case TEXT -> true;
        };
    }

    /** The value as the wanted type; null and empty text are null. */
    static Object convert(Object value, ColumnType wanted) throws Unconvertible {
        if (value == null || (value instanceof String s && s.isEmpty())) {
            return null;
        }
        try {
            return switch (wanted.kind()) {
                case TEXT -> text(value);
                case INTEGER -> integer(value, wanted);
                case DECIMAL -> wanted == ColumnType.DOUBLE ? (Object) decimal(value).doubleValue() : decimal(value);
                case BOOLEAN -> bool(value);
                case DATE -> date(value);
                case TIMESTAMP -> timestamp(value);
            };
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            throw new Unconvertible();
        }
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof OffsetDateTime t) {
            return utc(t).toString();
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        return value.toString();
    }

    private static Object integer(Object value, ColumnType wanted) throws Unconvertible {
        long n;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            n = ((Number) value).longValue();
        } else if (value instanceof BigDecimal d) {
            n = d.longValueExact();
        } else if (value instanceof BigInteger i) {
            n = i.longValueExact();
        } else if (value instanceof String s && s.trim().length() <= MAX_NUMBER_CHARS) {
            n = new BigDecimal(s.trim()).longValueExact();
        } else {
            throw new Unconvertible();
        }
        return switch (wanted) {
            case SMALLINT -> {
                if (n < Short.MIN_VALUE || n > Short.MAX_VALUE) {
                    throw new Unconvertible();
                }
                yield (short) n;
            }
            case INTEGER -> Math.toIntExact(n);
            default -> n;
        };
    }

    private static BigDecimal decimal(Object value) throws Unconvertible {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new Unconvertible();
            }
            return BigDecimal.valueOf(d);
        }
        if (value instanceof Number n && !(value instanceof BigInteger)) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (value instanceof String s && isNumberText(s.trim())) {
            return new BigDecimal(s.trim());
        }
        throw new Unconvertible();
    }

    private static Boolean bool(Object value) throws Unconvertible {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("false")) {
                return Boolean.valueOf(t);
            }
        }
        throw new Unconvertible();
    }

    private static LocalDate date(Object value) throws Unconvertible {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof LocalDateTime t && t.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return t.toLocalDate();
        }
        if (value instanceof String s) {
            return LocalDate.parse(s.trim());
        }
        throw new Unconvertible();
    }

    private static LocalDateTime timestamp(Object value) throws Unconvertible {
        if (value instanceof LocalDateTime t) {
            return t;
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (value instanceof OffsetDateTime t) {
            return utc(t);
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().atStartOfDay();
        }
        if (value instanceof String s) {
            return parseTimestamp(s.trim());
        }
        throw new Unconvertible();
    }

    /** ISO local date-time with {@code T} or a space between date and time, or a date alone (midnight). */
    static LocalDateTime parseTimestamp(String text) {
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay();
        }
        return LocalDateTime.parse(text.length() > 10 && text.charAt(10) == ' '
                ? text.substring(0, 10) + 'T' + text.substring(11) : text);
    }

    /** Instants with an offset become UTC wall-clock time, the one zone every reader agrees on. */
    private static LocalDateTime utc(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
