package com.acme.intake.kernel;

/**
 * A request the application refuses for a reason the caller can fix or must know: what kind of
 * refusal it is, a stable {@link ErrorCode} and a message in words. It carries no HTTP status, so that
 * control code can throw it without knowing the web; the web layer maps each {@link Kind} to a status.
 * Without a precise code the kind's generic one applies.
 * Messages never carry data values (no raw PII in errors).
 */
public class Refusal extends RuntimeException {

    /** Why a request is refused; each has its generic code for when no more precise one applies. */
    public enum Kind {
        /** The input is wrong; the caller can correct it. */
        INVALID(ErrorCode.BAD_REQUEST),
        /** The caller may not do this. */
        FORBIDDEN(ErrorCode.FORBIDDEN),
        /** What the caller names does not exist (or is not theirs to see). */
        NOT_FOUND(ErrorCode.NOT_FOUND),
        /** The thing exists but is not in a state that allows this. */
        CONFLICT(ErrorCode.CONFLICT);

        private final ErrorCode generic;

        Kind(ErrorCode generic) {
            this.generic = generic;
        }

        public ErrorCode generic() {
            return generic;
        }
    }

    private final Kind kind;
    private final ErrorCode code;

    private Refusal(Kind kind, ErrorCode code, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code == null ? kind.generic() : code;
    }

    public static Refusal invalid(String message) {
        return new Refusal(Kind.INVALID, null, message);
    }

    public static Refusal invalid(ErrorCode code, String message) {
        return new Refusal(Kind.INVALID, code, message);
    }

    /** A query parameter as a whole number from {@code min} to {@code max}; refused naming the parameter otherwise. */
    public static int wholeNumber(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below like a number out of range
        }
        throw invalid(ErrorCode.INVALID_PARAMETER, name + " must be a whole number from " + min + " to " + max);
    }

    public static Refusal forbidden(String message) {
        return new Refusal(Kind.FORBIDDEN, null, message);
    }

    public static Refusal forbidden(ErrorCode code, String message) {
        return new Refusal(Kind.FORBIDDEN, code, message);
    }

    public static Refusal notFound(String message) {
        return new Refusal(Kind.NOT_FOUND, null, message);
    }

    public static Refusal notFound(ErrorCode code, String message) {
        return new Refusal(Kind.NOT_FOUND, code, message);
    }

    public static Refusal conflict(String message) {
        return new Refusal(Kind.CONFLICT, null, message);
    }

    public static Refusal conflict(ErrorCode code, String message) {
        return new Refusal(Kind.CONFLICT, code, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The stable code of this refusal: a precise one, else the kind's generic one. */
    public ErrorCode code() {
        return code;
    }
}
