package com.acme.intake.web;

/**
 * A request the application refuses for a reason the caller can fix or must know: the HTTP status
 * and a message in words (and, for some, a stable code). Mapped to {@code {"error": message}} by {@link RefusalMapper}.
 * Messages never carry data values (no raw PII in errors).
 */
public class Refusal extends RuntimeException {

    private final int status;
    private final String code;

    private Refusal(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    private Refusal(int status, String message) {
        this(status, null, message);
    }

    public static Refusal badRequest(String message) {
        return new Refusal(400, message);
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
        throw badRequest(name + " must be a whole number from " + min + " to " + max);
    }

    public static Refusal forbidden(String message) {
        return new Refusal(403, message);
    }

    public static Refusal notFound(String message) {
        return new Refusal(404, message);
    }

    public static Refusal conflict(String message) {
        return new Refusal(409, message);
    }

    /** A conflict a client may want to tell apart without reading the text, e.g. {@code TASK_ALREADY_CLAIMED}. */
    public static Refusal conflict(String code, String message) {
        return new Refusal(409, code, message);
    }

    public int status() {
        return status;
    }

    /** The stable code of this refusal, or null when the status says enough. */
    public String code() {
        return code;
    }
}
