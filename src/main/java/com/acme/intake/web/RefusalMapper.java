package com.acme.intake.web;


import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** {@link Refusal} → its status with {@code {"code": …, "error": "…"}}. */
@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {

    @Override
    public Response toResponse(Refusal refusal) {
        return Errors.response(refusal.status(), refusal.code(), refusal.getMessage());
    }
}
