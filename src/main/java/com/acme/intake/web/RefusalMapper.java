package com.acme.intake.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.acme.intake.kernel.Refusal;

/** {@link Refusal} → the status of its kind with {@code {"code": …, "error": "…"}}. */
@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {

    @Override
    public Response toResponse(Refusal refusal) {
        return Errors.response(status(refusal.kind()), refusal.code(), refusal.getMessage());
    }

    static int status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
        };
    }
}
