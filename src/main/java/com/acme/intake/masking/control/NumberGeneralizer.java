package com.acme.intake.masking.control;

import com.acme.intake.masking.entity.ColumnType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * GENERALIZE_NUMBER: {@code floor(v / width) * width}, the lower bound of the bucket a value falls
 * in, of the same Java class as the value. Rounds towards negative infinity, so {@code -1} with
 * width 10 gives {@code -10}.
 * <ul>
 *   <li>{@code Short}, {@code Integer}, {@code Long}: exact integer arithmetic
 *       ({@link Math#floorDiv}). A bucket starting below the smallest value the column type or the
 *       Java class can hold gives that smallest value instead: {@code Long.MIN_VALUE} with width 10
 *       gives {@code Long.MIN_VALUE}, not an overflowed positive number.</li>
 *   <li>{@code BigInteger}: exact, with the same lower limit of the column type.</li>
 *   <li>{@code BigDecimal}: exact, {@link RoundingMode#FLOOR}; the scale is the larger of the
 *       value's and the width's ({@code 123.45} with width 10 gives {@code 120.00}).</li>
 *   <li>{@code Double}, {@code Float}: computed exactly on the value's shortest decimal form
 *       ({@link Double#toString}), then converted back, so {@code 0.3} with width {@code 0.1}
 *       gives {@code 0.3} and not the {@code 0.2} binary arithmetic would. NaN and the infinities
 *       are returned unchanged; {@code -0.0} gives {@code 0.0}.</li>
 * </ul>
 * Immutable; precomputes the width in each representation once.
 */
final class NumberGeneralizer {

    private final BigDecimal width;
    /** The width for integer columns; 0 for decimal columns, whose width may have a fraction. */
    private final long longWidth;
    private final BigInteger bigWidth;
    private final long typeMin;
    private final BigInteger bigTypeMin;

    NumberGeneralizer(ColumnType type, BigDecimal width) {
        this.width = width;
        boolean integral = type.kind() == ColumnType.Kind.INTEGER;
        this.longWidth = integral ? width.longValueExact() : 0;
        this.bigWidth = integral ? width.toBigIntegerExact() : null;
        this.typeMin = switch (type) {
            case SMALLINT -> Short.MIN_VALUE;
            case INTEGER -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
        this.bigTypeMin = BigInteger.valueOf(typeMin);
    }

    Short generalize(Short value) {
        return (short) floor(value, Math.max(typeMin, Short.MIN_VALUE));
    }

    Integer generalize(Integer value) {
        return (int) floor(value, Math.max(typeMin, Integer.MIN_VALUE));
    }

    Long generalize(Long value) {
        return floor(value, typeMin);
    }

    BigInteger generalize(BigInteger value) {
        BigInteger[] quotientAndRemainder = value.divideAndRemainder(bigWidth);
        BigInteger quotient = quotientAndRemainder[1].signum() < 0
                ? quotientAndRemainder[0].subtract(BigInteger.ONE)
                : quotientAndRemainder[0];
        return quotient.multiply(bigWidth).max(bigTypeMin);
    }

    BigDecimal generalize(BigDecimal value) {
        BigDecimal floor = value.divide(width, 0, RoundingMode.FLOOR).multiply(width);
        return floor.scale() < value.scale() ? floor.setScale(value.scale()) : floor;
    }

    Double generalize(Double value) {
        double d = value;
        return Double.isFinite(d) ? generalize(BigDecimal.valueOf(d)).doubleValue() : value;
    }

    Float generalize(Float value) {
        float f = value;
        return Float.isFinite(f) ? generalize(new BigDecimal(Float.toString(f))).floatValue() : value;
    }

    private long floor(long value, long min) {
        long quotient = Math.floorDiv(value, longWidth);
        long product = quotient * longWidth;
        // the product can only leave the long range downwards, as floor(v / w) * w > v - w
        boolean overflowed = Math.multiplyHigh(quotient, longWidth) != (product >> 63);
        return overflowed || product < min ? min : product;
    }
}
