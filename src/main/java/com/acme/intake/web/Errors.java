package com.acme.intake.web;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one shape of an error answer: {@code {"status": 409, "code": "TASK_ALREADY_CLAIMED", "error": "…"}}. */
public final class Errors {

    private Errors() {
    }

    /** With the status's generic code. */
    public static Response response(int status, String message) {
        return response(status, ErrorCode.of(status), message);
    }

    /** The code beside the text, so that clients need not parse the text. */
    public static Response response(int status, ErrorCode code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body(status, code, message))
                .build();
    }

    private static Map<String, Object> body(int status, ErrorCode code, String message) {
        return Map.of("status", status, "code", (code == null ? ErrorCode.of(status) : code).name(), "error", message);
    }
}
