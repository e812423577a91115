package com.acme.intake.web;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one shape of an error answer: {@code {"status": 409, "error": "…"}}. */
public final class Errors {

    private Errors() {
    }

    public static Response response(int status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("status", status, "error", message))
                .build();
    }
}
