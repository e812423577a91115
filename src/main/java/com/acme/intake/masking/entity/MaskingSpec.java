package com.acme.intake.masking.entity;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A column's masking as a request states it: the method and the parameters beside it, e.g.
 * {@code {"method": "SHOW_LAST_N", "n": 4}} becomes
 * {@code new MaskingSpec(SHOW_LAST_N, Map.of("n", 4))}.
 * <p>
 * Parameters are kept raw (keyed by their request name, values as the JSON layer produced them:
 * any {@link Number} for {@code n} and {@code width}, a {@link String} or {@link DateGranularity}
 * for {@code to}, a {@link String} for {@code justification}) so that {@link #problems} can name
 * every mistake instead of the JSON binding failing on the first. A parameter whose value is
 * {@code null} counts as absent. The typed accessors ({@link #n()}, {@link #to()}, {@link #width()},
 * {@link #justification()}) are meant for a spec without problems.
 *
 * @param method     the masking method, never null
 * @param parameters the parameters by request name; null means none
 */
public record MaskingSpec(MaskingMethod method, Map<String, Object> parameters) {

    /** {@code n} when a request leaves it out. */
    public static final int DEFAULT_N = 4;
    /** The largest {@code n}; longer prefixes or suffixes point to a mistake, not a need. */
    public static final int MAX_N = 1000;
    /**
     * The most decimal places, and the most digits before the point, a {@code width} may have: what
     * SQL {@code DECIMAL} holds at most, and a bound on the work one value costs.
     */
    public static final int MAX_WIDTH_DIGITS = 38;

    private static final BigDecimal WIDTH_LIMIT = BigDecimal.TEN.pow(MAX_WIDTH_DIGITS);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    public MaskingSpec {
        Objects.requireNonNull(method, "method");
        Map<String, Object> copy = new LinkedHashMap<>();
        if (parameters != null) {
            parameters.forEach((name, value) -> {
                Objects.requireNonNull(name, "parameter name");
                if (value != null) {
                    copy.put(name, value);
                }
            });
        }
        parameters = Collections.unmodifiableMap(copy);
    }

    /** A spec without parameters. */
    public static MaskingSpec of(MaskingMethod method) {
        return new MaskingSpec(method, Map.of());
    }

    /** This spec with one more parameter (or one replaced); a null value removes it. */
    public MaskingSpec with(String name, Object value) {
        Map<String, Object> next = new LinkedHashMap<>(parameters);
        next.put(name, value);
        return new MaskingSpec(method, next);
    }

    /** This spec with one more parameter (or one replaced); a null value removes it. */
    public MaskingSpec with(MaskingParameter parameter, Object value) {
        return with(parameter.key(), value);
    }

    /**
     * Everything wrong with this spec for a column of {@code type} and {@code pii}, as sentences a
     * requester can act on; empty when the spec is valid. Never contains column data, nor the text
     * of a justification. Checks, in this order:
     * <ul>
     *   <li>the method fits the column type ({@link MaskingMethod#fits});</li>
     *   <li>every parameter is known and taken by the method (others are refused, not ignored, so
     *       a typo such as {@code "with"} for {@code "width"} does not pass silently);</li>
     *   <li>{@code n}: a whole number from 0 to {@value #MAX_N}; absent means {@value #DEFAULT_N};</li>
     *   <li>{@code to}: present, {@code YEAR} or {@code MONTH} (exact upper case);</li>
     *   <li>{@code width}: present, a number greater than 0, below 10^38 and with at most 38
     *       decimal places; for an integer column a whole number up to {@link Long#MAX_VALUE};</li>
     *   <li>{@code justification}: text; for {@code KEEP} on a PII column, required and not blank.</li>
     * </ul>
     */
    public List<String> problems(ColumnType type, PiiCategory pii) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(pii, "pii");
        List<String> problems = new ArrayList<>();
        if (!method.fits(type)) {
            problems.add(method + " cannot mask a column of type " + type + "; it masks "
                    + describe(method.kinds()) + " columns");
        }
        parameters.keySet().forEach(name -> {
            Optional<MaskingParameter> parameter = MaskingParameter.fromKey(name);
            if (parameter.isEmpty()) {
                problems.add("unknown parameter '" + name + "'; " + takes());
            } else if (!method.parameters().contains(parameter.get())) {
                problems.add("parameter '" + name + "' does not apply; " + takes());
            }
        });
        switch (method) {
            case SHOW_FIRST_N, SHOW_LAST_N -> {
                if (parameters.containsKey(MaskingParameter.N.key()) && parseN() == null) {
                    problems.add("'n' must be a whole number from 0 to " + MAX_N);
                }
            }
            case GENERALIZE_DATE -> {
                if (!parameters.containsKey(MaskingParameter.TO.key())) {
                    problems.add(method + " needs 'to': YEAR or MONTH");
                } else if (parseTo() == null) {
                    problems.add("'to' must be YEAR or MONTH");
                }
            }
            case GENERALIZE_NUMBER -> widthProblem(type).ifPresent(problems::add);
            case KEEP -> {
                Object justification = parameters.get(MaskingParameter.JUSTIFICATION.key());
                if (justification != null && !(justification instanceof String)) {
                    problems.add("'justification' must be text");
                } else if (pii.isPii() && (justification == null || ((String) justification).isBlank())) {
                    problems.add("KEEP on a " + pii + " column needs a 'justification' for the privacy review");
                }
            }
            default -> {
                // the remaining methods take no parameters; unexpected ones are reported above
            }
        }
        return List.copyOf(problems);
    }

    /**
     * How many code points {@code SHOW_FIRST_N}/{@code SHOW_LAST_N} leave visible.
     *
     * @throws IllegalStateException when {@code n} is given but invalid
     */
    public int n() {
        if (!parameters.containsKey(MaskingParameter.N.key())) {
            return DEFAULT_N;
        }
        Integer n = parseN();
        if (n == null) {
            throw new IllegalStateException("'n' must be a whole number from 0 to " + MAX_N);
        }
        return n;
    }

    /**
     * What {@code GENERALIZE_DATE} truncates to.
     *
     * @throws IllegalStateException when {@code to} is missing or invalid
     */
    public DateGranularity to() {
        DateGranularity to = parseTo();
        if (to == null) {
            throw new IllegalStateException("'to' must be YEAR or MONTH");
        }
        return to;
    }

    /**
     * The bucket width of {@code GENERALIZE_NUMBER}, without trailing zeros but never with a
     * negative scale ({@code 10.0} and {@code 1E+1} both give {@code 10}, {@code 0.50} gives
     * {@code 0.5}). Checks only what holds for every column type.
     *
     * @throws IllegalStateException when {@code width} is missing or invalid
     */
    public BigDecimal width() {
        BigDecimal width = parseWidth();
        if (width == null) {
            throw new IllegalStateException("'width' must be a number greater than 0");
        }
        return width;
    }

    /** The justification for keeping a column unmasked, if one was given as text. */
    public Optional<String> justification() {
        Object justification = parameters.get(MaskingParameter.JUSTIFICATION.key());
        return justification instanceof String text ? Optional.of(text) : Optional.empty();
    }

    private String takes() {
        Set<MaskingParameter> accepted = method.parameters();
        if (accepted.isEmpty()) {
            return method + " takes no parameters";
        }
        return method + " takes only " + accepted.stream()
                .map(p -> "'" + p.key() + "'")
                .collect(Collectors.joining(", "));
    }

    private static String describe(Set<ColumnType.Kind> kinds) {
        List<String> names = kinds.stream().map(kind -> kind.name().toLowerCase(Locale.ROOT)).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private Integer parseN() {
        BigDecimal n = decimal(parameters.get(MaskingParameter.N.key()));
        if (n == null || !isWhole(n) || n.signum() < 0 || n.compareTo(BigDecimal.valueOf(MAX_N)) > 0) {
            return null;
        }
        return n.intValueExact();
    }

    private DateGranularity parseTo() {
        Object to = parameters.get(MaskingParameter.TO.key());
        if (to instanceof DateGranularity granularity) {
            return granularity;
        }
        if (to instanceof String text) {
            for (DateGranularity granularity : DateGranularity.values()) {
                if (granularity.name().equals(text)) {
                    return granularity;
                }
            }
        }
        return null;
    }

    private BigDecimal parseWidth() {
        BigDecimal width = decimal(parameters.get(MaskingParameter.WIDTH.key()));
        if (width == null || width.signum() <= 0 || width.compareTo(WIDTH_LIMIT) >= 0) {
            return null;
        }
        BigDecimal stripped = width.stripTrailingZeros();
        if (stripped.scale() > MAX_WIDTH_DIGITS) {
            return null;
        }
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private Optional<String> widthProblem(ColumnType type) {
        if (!parameters.containsKey(MaskingParameter.WIDTH.key())) {
            return Optional.of(method + " needs 'width', a number greater than 0");
        }
        BigDecimal width = parseWidth();
        if (width == null) {
            return Optional.of("'width' must be a number greater than 0 and below 10^" + MAX_WIDTH_DIGITS
                    + ", with at most " + MAX_WIDTH_DIGITS + " decimal places");
        }
        if (type.kind() == ColumnType.Kind.INTEGER && (width.scale() > 0 || width.compareTo(LONG_MAX) > 0)) {
            return Optional.of("'width' must be a whole number from 1 to " + Long.MAX_VALUE
                    + " for a column of type " + type);
        }
        return Optional.empty();
    }

    private static boolean isWhole(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    /** The exact decimal value of a finite number of a known class; null for anything else. */
    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                return null;
            }
            // Float.toString keeps 0.1f as 0.1 instead of 0.100000001490116...
            return value instanceof Float f ? new BigDecimal(Float.toString(f)) : BigDecimal.valueOf(d);
        }
        return null;
    }
}
