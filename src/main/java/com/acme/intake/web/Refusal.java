package com.acme.intake.web;

/**
 * A request the application refuses for a reason the caller can fix or must know: the HTTP status,
 * a stable {@link ErrorCode} and a message in words. Mapped to {@code {"code": …, "error": message}} by
 * {@link RefusalMapper}. Without a precise code the status's generic one applies.
 * Messages never carry data values (no raw PII in errors).
 */
public class Refusal extends RuntimeException {

    private final int status;
    private final ErrorCode code;

    private Refusal(int status, ErrorCode code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code == null ? ErrorCode.of(status) : code;
    }

    public static Refusal badRequest(String message) {
        return new Refusal(400, null, message);
    }

    public static Refusal badRequest(ErrorCode code, String message) {
        return new Refusal(400, code, message);
    }

    /** A query parameter as a whole number from {@code min} to {@code max}; 400 naming the parameter otherwise. */
    public static int wholeNumber(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below like a number out of range
        }
        throw badRequest(ErrorCode.INVALID_PARAMETER, name + " must be a whole number from " + min + " to " + max);
    }

    public static Refusal forbidden(String message) {
        return new Refusal(403, null, message);
    }

    public static Refusal forbidden(ErrorCode code, String message) {
        return new Refusal(403, code, message);
    }

    public static Refusal notFound(String message) {
        return new Refusal(404, null, message);
    }

    public static Refusal notFound(ErrorCode code, String message) {
        return new Refusal(404, code, message);
    }

    public static Refusal conflict(String message) {
        return new Refusal(409, null, message);
    }

    public static Refusal conflict(ErrorCode code, String message) {
        return new Refusal(409, code, message);
    }

    public int status() {
        return status;
    }

    /** The stable code of this refusal: a precise one, else the status's generic one. */
    public ErrorCode code() {
        return code;
    }
}
