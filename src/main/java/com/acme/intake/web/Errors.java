package com.acme.intake.web;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.acme.intake.kernel.ErrorCode;

/** The one shape of an error answer: {@code {"status": 409, "code": "TASK_ALREADY_CLAIMED", "error": "…"}}. */
public final class Errors {

    private Errors() {
    }

    /** With the status's generic code. */
    public static Response response(int status, String message) {
        return response(status, generic(status), message);
    }

    /** The code beside the text, so that clients need not parse the text. */
    public static Response response(int status, ErrorCode code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body(status, code, message))
                .build();
    }

    private static Map<String, Object> body(int status, ErrorCode code, String message) {
        return Map.of("status", status, "code", (code == null ? generic(status) : code).name(), "error", message);
    }

    /** The generic code of a status, for answers that have no more precise one. */
    public static ErrorCode generic(int status) {
        return switch (status) {
            case 400 -> ErrorCode.BAD_REQUEST;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 409 -> ErrorCode.CONFLICT;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.TOO_MANY_REQUESTS;
            case 500 -> ErrorCode.INTERNAL_ERROR;
            case 502 -> ErrorCode.BAD_GATEWAY;
            default -> ErrorCode.HTTP_ERROR;
        };
    }
}
