package com.acme.intake.audit.entity;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which events an auditor asks for: a period, a request, an actor, a business unit, an action. Every
 * part is optional; the parts combine with AND.
 *
 * <p>The period is half-open, {@code [from, toExclusive)}, so that a date and a date-time mean what
 * a reader expects: {@code to=2025-03-31} includes the whole of that day and {@code to=…T10:00:00Z}
 * includes that instant. Times without an offset are UTC, like the trail.
 *
 * <p>{@link #test} is the same filter in Java, for the export, which reads the whole chain anyway to
 * verify it; {@code AuditReader} turns it into SQL for the paged query, and a test holds the two to
 * the same answers.
 */
public record AuditFilter(Instant from, Instant toExclusive, Long requestId, String actor, String businessUnit,
                          String action) {

    private static final int MAX_NAME = 100;

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null);

    /**
     * Reads the query parameters of {@code GET /api/audit}; blank means absent.
     *
     * @throws IllegalArgumentException with a message fit for a 400 answer
     */
    public static AuditFilter parse(String from, String to, String requestId, String actor, String businessUnit,
                                    String action) {
        Instant start = blank(from) ? null : instant("from", from.strip(), false);
        Instant end = blank(to) ? null : instant("to", to.strip(), true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new IllegalArgumentException("from must be before to");
        }
        return new AuditFilter(start, end, blank(requestId) ? null : requestId(requestId.strip()),
                name("actor", actor), name("businessUnit", businessUnit), blank(action) ? null : action(action.strip()));
    }

    public boolean test(AuditEntry e) {
        return (from == null || !e.occurredAt().isBefore(from))
                && (toExclusive == null || e.occurredAt().isBefore(toExclusive))
                && (requestId == null || requestId.equals(e.requestId()))
                && (actor == null || actor.equals(e.actor()))
                && (businessUnit == null || businessUnit.equals(e.businessUnit()))
                && (action == null || action.equals(e.action()));
    }

    /** The filter in words, in a fixed order; only the parts that are set. */
    public Map<String, String> describe() {
        Map<String, String> parts = new LinkedHashMap<>();
        if (from != null) {
            parts.put("from", from.toString());
        }
        if (toExclusive != null) {
            parts.put("to (exclusive)", toExclusive.toString());
        }
        if (requestId != null) {
            parts.put("requestId", requestId.toString());
        }
        if (actor != null) {
            parts.put("actor", actor);
        }
        if (businessUnit != null) {
            parts.put("businessUnit", businessUnit);
        }
        if (action != null) {
            parts.put("action", action);
        }
        return parts;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Instant instant(String param, String value, boolean endOfPeriod) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfPeriod ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            Instant at = hasOffset(value) ? OffsetDateTime.parse(value).toInstant()
                    : LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            at = at.truncatedTo(ChronoUnit.MICROS);
            return endOfPeriod ? at.plus(1, ChronoUnit.MICROS) : at;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(param + " must be an ISO date (2025-03-31) or date-time "
                    + "(2025-03-31T14:00:00Z; without an offset it is UTC)");
        }
    }

    private static boolean hasOffset(String value) {
        int t = value.indexOf('T');
        return value.endsWith("Z") || value.endsWith("z") || (t > 0 && value.substring(t).matches(".*[+-]\\d{2}:?\\d{2}$"));
    }

    private static Long requestId(String value) {
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw new IllegalArgumentException("requestId must be a positive whole number");
    }

    private static String name(String param, String value) {
        if (blank(value)) {
            return null;
        }
        if (value.length() > MAX_NAME) {
            throw new IllegalArgumentException(param + " is longer than " + MAX_NAME + " characters");
        }
        return value.strip();
    }

    private static String action(String value) {
        return Arrays.stream(AuditAction.values()).map(Enum::name)
                .filter(name -> name.equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("action must be one of "
                        + Arrays.toString(AuditAction.values())));
    }
}
