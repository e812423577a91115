package com.acme.intake.masking.control;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.masking.entity.DateGranularity;
import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.MaskingSpec;
import com.acme.intake.masking.entity.PiiCategory;
import com.acme.intake.masking.entity.PseudonymKey;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One column's masking, compiled once and applied to every value of that column while rows are
 * copied. Everything that does not depend on the value (parameters, the keyed {@code Mac}, buffers)
 * is prepared by {@link #compile}, so masking a value allocates little more than its result.
 * <p>
 * <b>Not thread-safe:</b> a masker reuses its {@code Mac} and buffers. Compile one per column and
 * loader thread; compiling is cheap.
 *
 * <h2>Values in</h2>
 * {@link #mask} takes the Java values JDBC's {@code getObject} returns for the declared column
 * type (a loader reading files converts to these first):
 * <table>
 *   <caption>accepted Java classes</caption>
 *   <tr><th>column types</th><th>accepted</th><th>normalised to</th></tr>
 *   <tr><td>VARCHAR, TEXT</td><td>String</td><td>String</td></tr>
 *   <tr><td>SMALLINT, INTEGER, BIGINT</td><td>Short, Integer, Long, BigInteger</td><td>unchanged</td></tr>
 *   <tr><td>DECIMAL, DOUBLE</td><td>BigDecimal, Double, Float</td><td>unchanged</td></tr>
 *   <tr><td>BOOLEAN</td><td>Boolean</td><td>Boolean</td></tr>
 *   <tr><td>DATE</td><td>LocalDate, java.sql.Date</td><td>LocalDate</td></tr>
 *   <tr><td>TIMESTAMP</td><td>LocalDateTime, java.sql.Timestamp, OffsetDateTime, java.sql.Date</td>
 *       <td>LocalDateTime: a Timestamp's {@code toLocalDateTime()}, an OffsetDateTime's wall-clock time
 *       in its own offset (the offset is dropped, not converted), a Date's midnight</td></tr>
 * </table>
 * Any other class is refused with an {@link IllegalArgumentException} naming the column type and the
 * class, never the value. {@code null} gives {@code null} for every method (except DROP).
 *
 * <h2>Values out</h2>
 * Every method works on the normalised value (so KEEP of a {@code Timestamp} gives a
 * {@code LocalDateTime}) and, except PSEUDONYMIZE and NULLIFY, returns a value of its class:
 * <ul>
 *   <li>KEEP: the value.</li>
 *   <li>PSEUDONYMIZE (text, integer): a String of 64 lowercase hex digits, HMAC-SHA-256 keyed with
 *       the key's secret over the UTF-8 bytes of the value's text; an integer's text is its decimal
 *       {@code toString()}, so {@code 42L} and {@code "42"} give the same pseudonym. The empty string
 *       gets a pseudonym too.</li>
 *   <li>REDACT (text): each code point replaced as {@code TextMasker.redact(int)} says: a Latin
 *       capital letter by {@code X}, any other letter by {@code x}, a decimal digit by {@code 0},
 *       anything else kept. Same number of code points.</li>
 *   <li>SHOW_FIRST_N / SHOW_LAST_N (text): all but the first/last {@code n} code points redacted as
 *       by REDACT. A value of {@code n} code points or fewer is returned <em>unchanged</em>;
 *       {@code n = 0} is REDACT. Code points, not user-perceived characters: {@code é} written as
 *       {@code e} + U+0301 counts two, {@code 👍🏽} counts two.</li>
 *   <li>EMAIL (text): {@code XXXXX} followed by the {@code @} and the domain as they were, when the
 *       value is an e-mail address by {@code TextMasker.emailAt}; otherwise the whole value redacted
 *       as by REDACT.</li>
 *   <li>GENERALIZE_DATE (date, timestamp): 1 January ({@code to = YEAR}) or the 1st of the month
 *       ({@code to = MONTH}) of the value's date; a timestamp at midnight of that day.</li>
 *   <li>GENERALIZE_NUMBER (integer, decimal): {@code floor(v / width) * width}, see
 *       {@code NumberGeneralizer}.</li>
 *   <li>NULLIFY: {@code null}.</li>
 *   <li>DROP: the column is not created ({@link #createsColumn()} is false); {@link #mask} throws.</li>
 * </ul>
 */
public final class ColumnMasker {

    private final MaskingMethod method;
    private final ColumnType type;
    /** Applied to non-null, normalised values; null for DROP. */
    private final UnaryOperator<Object> transform;

    private ColumnMasker(MaskingMethod method, ColumnType type, UnaryOperator<Object> transform) {
        this.method = method;
        this.type = type;
        this.transform = transform;
    }

    /**
     * Prepares the masking of one column.
     *
     * @param spec the column's masking; must have no {@link MaskingSpec#problems problems} for
     *             {@code type} (the KEEP justification is checked at submission, not here)
     * @param type the declared column type
     * @param key  the pseudonym key; required for PSEUDONYMIZE, ignored otherwise (may be null)
     * @throws IllegalArgumentException when the spec has problems for this type, or PSEUDONYMIZE
     *                                  has no key; the message lists the problems
     */
    public static ColumnMasker compile(MaskingSpec spec, ColumnType type, PseudonymKey key) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(type, "type");
        List<String> problems = spec.problems(type, PiiCategory.NONE);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid masking for a column of type " + type + ": "
                    + String.join("; ", problems));
        }
        MaskingMethod method = spec.method();
        return new ColumnMasker(method, type, switch (method) {
            case KEEP -> value -> value;
            case PSEUDONYMIZE -> pseudonymize(type, key);
            case REDACT -> {
                TextMasker text = new TextMasker();
                yield value -> text.redact((String) value);
            }
            case SHOW_FIRST_N -> {
                TextMasker text = new TextMasker();
                int n = spec.n();
                yield value -> text.showFirst((String) value, n);
            }
            case SHOW_LAST_N -> {
                TextMasker text = new TextMasker();
                int n = spec.n();
                yield value -> text.showLast((String) value, n);
            }
            case EMAIL -> {
                TextMasker text = new TextMasker();
                yield value -> text.email((String) value);
            }
            case GENERALIZE_DATE -> generalizeDate(type, spec.to());
            case GENERALIZE_NUMBER -> generalizeNumber(new NumberGeneralizer(type, spec.width()));
            case NULLIFY -> value -> null;
            case DROP -> null;
        });
    }

    /**
     * The masked value, of the class the method defines (see the class comment).
     *
     * @throws IllegalArgumentException when the value's class does not fit the column type; the
     *                                  message names both but never the value
     * @throws IllegalStateException    for a DROP column, which has no values to mask
     */
    public Object mask(Object value) {
        if (transform == null) {
            throw new IllegalStateException("a DROP column is not created; its values must not be read or masked");
        }
        return value == null ? null : transform.apply(normalise(value));
    }

    public MaskingMethod method() {
        return method;
    }

    /** The declared type of the source column. */
    public ColumnType type() {
        return type;
    }

    /** True for DROP: the loader neither creates nor fills the column. */
    public boolean isDropped() {
        return method == MaskingMethod.DROP;
    }

    /** Whether the masked table has this column; false only for DROP. */
    public boolean createsColumn() {
        return !isDropped();
    }

    /**
     * The column's type in the warehouse: VARCHAR for PSEUDONYMIZE (64 characters suffice), the
     * declared type otherwise.
     *
     * @throws IllegalStateException for DROP, whose column does not exist
     */
    public ColumnType resultType() {
        if (isDropped()) {
            throw new IllegalStateException("a DROP column is not created and has no type");
        }
        return method.resultType(type);
    }

    private static UnaryOperator<Object> pseudonymize(ColumnType type, PseudonymKey key) {
        if (key == null) {
            throw new IllegalArgumentException("PSEUDONYMIZE needs a pseudonym key");
        }
        Pseudonymizer pseudonymizer = new Pseudonymizer(key);
        if (type.kind() == ColumnType.Kind.TEXT) {
            return value -> pseudonymizer.pseudonymize((String) value);
        }
        return value -> value instanceof BigInteger big
                ? pseudonymizer.pseudonymize(big)
                : pseudonymizer.pseudonymize(((Number) value).longValue());
    }

    private static UnaryOperator<Object> generalizeDate(ColumnType type, DateGranularity to) {
        boolean year = to == DateGranularity.YEAR;
        if (type.kind() == ColumnType.Kind.DATE) {
            return value -> truncate((LocalDate) value, year);
        }
        return value -> truncate(((LocalDateTime) value).toLocalDate(), year).atStartOfDay();
    }

    private static LocalDate truncate(LocalDate date, boolean year) {
        return year ? date.withDayOfYear(1) : date.withDayOfMonth(1);
    }

    private static UnaryOperator<Object> generalizeNumber(NumberGeneralizer generalizer) {
        return value -> {
            if (value instanceof Long number) {
                return generalizer.generalize(number);
            } else if (value instanceof Integer number) {
                return generalizer.generalize(number);
            } else if (value instanceof BigDecimal number) {
                return generalizer.generalize(number);
            } else if (value instanceof Double number) {
                return generalizer.generalize(number);
            } else if (value instanceof Short number) {
                return generalizer.generalize(number);
            } else if (value instanceof BigInteger number) {
                return generalizer.generalize(number);
            }
            return generalizer.generalize((Float) value);
        };
    }

    /** The value in its normalised class, or an exception that names the class but not the value. */
    private Object normalise(Object value) {
        switch (type.kind()) {
            case TEXT -> {
                if (value instanceof String) {
                    return value;
                }
            }
            case INTEGER -> {
                if (value instanceof Long || value instanceof Integer || value instanceof Short
                        || value instanceof BigInteger) {
                    return value;
                }
            }
            case DECIMAL -> {
                if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
                    return value;
                }
            }
            case BOOLEAN -> {
                if (value instanceof Boolean) {
                    return value;
                }
            }
            case DATE -> {
                if (value instanceof LocalDate) {
                    return value;
                }
                if (value instanceof java.sql.Date date) {
                    return date.toLocalDate();
                }
            }
            case TIMESTAMP -> {
                if (value instanceof LocalDateTime) {
                    return value;
                }
                if (value instanceof Timestamp timestamp) {
                    return timestamp.toLocalDateTime();
                }
                if (value instanceof OffsetDateTime dateTime) {
                    return dateTime.toLocalDateTime();
                }
                if (value instanceof java.sql.Date date) {
                    return date.toLocalDate().atStartOfDay();
                }
            }
        }
        throw new IllegalArgumentException("a column of type " + type + " takes " + accepted(type.kind())
                + " values, not " + value.getClass().getName());
    }

    private static String accepted(ColumnType.Kind kind) {
        return switch (kind) {
            case TEXT -> "String";
            case INTEGER -> "Short, Integer, Long or BigInteger";
            case DECIMAL -> "BigDecimal, Double or Float";
            case BOOLEAN -> "Boolean";
            case DATE -> "LocalDate or java.sql.Date";
            case TIMESTAMP -> "LocalDateTime, java.sql.Timestamp, OffsetDateTime or java.sql.Date";
        };
    }
}
