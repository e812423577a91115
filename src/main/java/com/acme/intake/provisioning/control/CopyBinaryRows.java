package com.acme.intake.provisioning.control;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.provisioning.entity.LoadPlan;
import com.acme.intake.provisioning.entity.ProvisioningFailure;

/**
 * Rows in PostgreSQL's binary COPY format: a header, then per row the field count and per field its
 * length (-1 for NULL) and its value in the column type's binary form (network byte order), then a
 * trailer. The server skips text parsing, which was most of its work in a load.
 * <p>
 * Each value is written as the text format would have had PostgreSQL read it, so a load gives the
 * same table either way: a Float is its decimal {@code toString()}, fractional seconds round to
 * microseconds as {@code rint} does, a number too large for its column fails with SQLSTATE 22003.
 * Checks the server made while parsing text are made here, naming row and column, never the value;
 * those it makes for binary input too (date and timestamp range, varchar length, UTF-8) stay there.
 */
final class CopyBinaryRows {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long POSTGRES_EPOCH_SECOND = LocalDate.of(2000, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final short NUMERIC_POS = 0x0000;
    private static final short NUMERIC_NEG = 0x4000;
    private static final short NUMERIC_NAN = (short) 0xC000;
    private static final short NUMERIC_PINF = (short) 0xD000;
    private static final short NUMERIC_NINF = (short) 0xF000;

    private final LoadPlan plan;
    private final ColumnType[] types;
    private byte[] buffer = new byte[WarehouseLoader.COPY_CHUNK + 1024];
    private int size;
    private long row = 1;

    CopyBinaryRows(LoadPlan plan) {
        this.plan = plan;
        this.types = plan.createdColumns().stream().map(LoadPlan.Column::resultType).toArray(ColumnType[]::new);
        System.arraycopy(HEADER, 0, buffer, 0, HEADER.length);
        size = HEADER.length;
    }

    void append(int index, Object value) {
        if (index == 0) {
            ensure(2);
            putShort(types.length);
        }
        if (value == null) {
            ensure(4);
            putInt(-1);
        } else {
            switch (types[index]) {
                case VARCHAR, TEXT -> text(index, value);
                case SMALLINT -> integer(index, value, Short.MIN_VALUE, Short.MAX_VALUE, 2);
                case INTEGER -> integer(index, value, Integer.MIN_VALUE, Integer.MAX_VALUE, 4);
                case BIGINT -> integer(index, value, Long.MIN_VALUE, Long.MAX_VALUE, 8);
                case DECIMAL -> numeric(index, value);
                case DOUBLE -> float8(index, value);
                case BOOLEAN -> {
                    Boolean bool = (Boolean) expect(index, value, Boolean.class);
                    ensure(5);
                    putInt(1);
                    buffer[size++] = (byte) (bool ? 1 : 0);
                }
                case DATE -> date(index, value);
                case TIMESTAMP -> timestamp(index, value);
            }
        }
        if (index == types.length - 1) {
            row++;
        }
    }

    /** The trailer, after the last row. */
    void finish() {
        ensure(2);
        putShort(-1);
    }

    int size() {
        return size;
    }

    /** The bytes collected so far, handed over; the buffer starts empty again (and small, if one row made it grow). */
    byte[] take() {
        byte[] chunk = Arrays.copyOf(buffer, size);
        size = 0;
        if (buffer.length > 4 * WarehouseLoader.COPY_CHUNK) {
            buffer = new byte[WarehouseLoader.COPY_CHUNK + 1024];
        }
        return chunk;
    }

    /**
     * UTF-8 with a length prefix. The leading run of ASCII without NUL is copied in bulk: most values
     * are nothing else, and a character-by-character loop is the reading thread's hot spot.
     */
    @SuppressWarnings("deprecation")
    private void text(int index, Object value) {
        String text = (String) expect(index, value, String.class);
        int length = text.length();
        ensure(4 + 3 * length);
        int start = size;
        size += 4;
        int plain = 0;
        while (plain < length) {
            char c = text.charAt(plain);
            if (c == 0 || c >= 0x80) {
                break;
            }
            plain++;
        }
        // copies the low byte of each char: exact for the ASCII run checked above, and without a copy of the string
        text.getBytes(0, plain, buffer, size);
        size += plain;
        for (int i = plain; i < length; i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new ProvisioningFailure(where(index)
                        + ": the value contains a NUL character, which PostgreSQL text cannot hold");
            }
            if (c < 0x80) {
                buffer[size++] = (byte) c;
            } else if (c < 0x800) {
                buffer[size++] = (byte) (0xc0 | (c >> 6));
                buffer[size++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                buffer[size++] = (byte) (0xf0 | (cp >> 18));
                buffer[size++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                buffer[size++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                buffer[size++] = (byte) (0x80 | (cp & 0x3f));
            } else if (Character.isSurrogate(c)) {
                // an unpaired surrogate has no UTF-8 form; String.getBytes writes '?' too
                buffer[size++] = '?';
            } else {
                buffer[size++] = (byte) (0xe0 | (c >> 12));
                buffer[size++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                buffer[size++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        int end = size;
        size = start;
        putInt(end - start - 4);
        size = end;
    }

    private void integer(int index, Object value, long min, long max, int bytes) {
        long number;
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            number = ((Number) value).longValue();
        } else if (value instanceof BigInteger big) {
            if (big.compareTo(LONG_MIN) < 0 || big.compareTo(LONG_MAX) > 0) {
                throw outOfRange(index);
            }
            number = big.longValue();
        } else {
            throw unwritable(index, value);
        }
        if (number < min || number > max) {
            throw outOfRange(index);
        }
        ensure(4 + bytes);
        putInt(bytes);
        switch (bytes) {
            case 2 -> putShort((int) number);
            case 4 -> putInt((int) number);
            default -> putLong(number);
        }
    }

    private void float8(int index, Object value) {
        double number;
        if (value instanceof Double d) {
            number = d;
        } else if (value instanceof Float f) {
            number = Float.isFinite(f) ? Double.parseDouble(Float.toString(f)) : f.doubleValue();
        } else if (value instanceof BigDecimal decimal) {
            number = decimal.doubleValue();
            if (Double.isInfinite(number) || number == 0 && decimal.signum() != 0) {
                throw outOfRange(index);
            }
        } else {
            throw unwritable(index, value);
        }
        ensure(12);
        putInt(8);
        putLong(Double.doubleToRawLongBits(number));
    }

    private void numeric(int index, Object value) {
        BigDecimal decimal;
        if (value instanceof BigDecimal d) {
            decimal = d;
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number)) {
                numericSpecial(NUMERIC_NAN);
                return;
            }
            if (Double.isInfinite(number)) {
                numericSpecial(number > 0 ? NUMERIC_PINF : NUMERIC_NINF);
                return;
            }
            decimal = new BigDecimal(value.toString());
        } else {
            throw unwritable(index, value);
        }
        if (decimal.scale() < 0) {
            decimal = decimal.setScale(0);
        }
        int scale = decimal.scale();
        String digits = decimal.unscaledValue().abs().toString();
        int integerDigits = digits.length() - scale;
        // pad so that both the integer part and the fraction are whole groups of four decimal digits
        int leftPad = integerDigits > 0 ? (4 - integerDigits % 4) % 4 : 0;
        int fractionDigits = scale;
        int fractionStart = integerDigits;
        int rightPad = (4 - fractionDigits % 4) % 4;
        StringBuilder padded = new StringBuilder(leftPad + Math.max(integerDigits, 0) + fractionDigits + rightPad + 4);
        padded.append("0".repeat(leftPad));
        if (integerDigits >= 0) {
            padded.append(digits);
        } else {
            padded.append("0".repeat(-integerDigits)).append(digits);
            fractionStart = 0;
        }
        padded.append("0".repeat(rightPad));
        int integerGroups = (leftPad + Math.max(fractionStart, 0)) / 4;
        int groups = padded.length() / 4;
        int first = 0;
        while (first < groups && group(padded, first) == 0) {
            first++;
        }
        int last = groups - 1;
        while (last >= first && group(padded, last) == 0) {
            last--;
        }
        int count = last < first ? 0 : last - first + 1;
        int weight = count == 0 ? 0 : integerGroups - 1 - first;
        ensure(4 + 8 + 2 * count);
        putInt(8 + 2 * count);
        putShort(count);
        putShort(weight);
        putShort(decimal.signum() < 0 ? NUMERIC_NEG : NUMERIC_POS);
        putShort(scale);
        for (int g = first; g <= last; g++) {
            putShort(group(padded, g));
        }
    }

    private static int group(CharSequence digits, int group) {
        int at = group * 4;
        return (digits.charAt(at) - '0') * 1000 + (digits.charAt(at + 1) - '0') * 100
                + (digits.charAt(at + 2) - '0') * 10 + (digits.charAt(at + 3) - '0');
    }

    private void numericSpecial(short sign) {
        ensure(12);
        putInt(8);
        putShort(0);
        putShort(0);
        putShort(sign);
        putShort(0);
    }

    private void date(int index, Object value) {
        LocalDate date = (LocalDate) expect(index, value, LocalDate.class);
        long days = date.toEpochDay() - POSTGRES_EPOCH_DAY;
        if (days < Integer.MIN_VALUE || days > Integer.MAX_VALUE) {
            throw dateOutOfRange(index);
        }
        ensure(8);
        putInt(4);
        putInt((int) days);
    }

    /** Microseconds since 2000-01-01 00:00; the fraction rounds as PostgreSQL's text input does: {@code rint(fraction * 1e6)}. */
    private void timestamp(int index, Object value) {
        LocalDateTime time = (LocalDateTime) expect(index, value, LocalDateTime.class);
        long micros;
        try {
            long seconds = time.toEpochSecond(ZoneOffset.UTC) - POSTGRES_EPOCH_SECOND;
            long fraction = (long) Math.rint(time.getNano() / 1e9 * 1e6);
            micros = Math.addExact(Math.multiplyExact(seconds, 1_000_000L), fraction);
        } catch (ArithmeticException e) {
            throw dateOutOfRange(index);
        }
        ensure(12);
        putInt(8);
        putLong(micros);
    }

    private Object expect(int index, Object value, Class<?> type) {
        if (!type.isInstance(value)) {
            throw unwritable(index, value);
        }
        return value;
    }

    private String where(int index) {
        return "row " + row + ", column " + plan.createdColumns().get(index).name() + " of " + plan.qualifiedName();
    }

    private ProvisioningFailure unwritable(int index, Object value) {
        return new ProvisioningFailure(where(index) + ": values of class " + value.getClass().getName()
                + " cannot be written to a " + types[index] + " column");
    }

    private ProvisioningFailure outOfRange(int index) {
        return new ProvisioningFailure(where(index) + ": a value does not fit its column (SQLSTATE 22003)", "22003");
    }

    private ProvisioningFailure dateOutOfRange(int index) {
        return new ProvisioningFailure(where(index) + ": a value does not fit its column (SQLSTATE 22008)", "22008");
    }

    private void putShort(int value) {
        buffer[size++] = (byte) (value >> 8);
        buffer[size++] = (byte) value;
    }

    private void putInt(int value) {
        buffer[size++] = (byte) (value >> 24);
        buffer[size++] = (byte) (value >> 16);
        buffer[size++] = (byte) (value >> 8);
        buffer[size++] = (byte) value;
    }

    private void putLong(long value) {
        putInt((int) (value >> 32));
        putInt((int) value);
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
