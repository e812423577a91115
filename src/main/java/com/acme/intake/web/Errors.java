package com.acme.intake.web;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one shape of an error answer: {@code {"status": 409, "error": "…"}}, with a stable {@code "code"} where one is defined. */
public final class Errors {

    private Errors() {
    }

    public static Response response(int status, String message) {
        return response(status, null, message);
    }

    /** With {@code "code"} beside the text when there is one, so that clients need not parse the text. */
    public static Response response(int status, String code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(code == null ? Map.of("status", status, "error", message)
                        : Map.of("status", status, "code", code, "error", message))
                .build();
    }
}
