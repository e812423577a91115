package com.acme.intake.web;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.acme.intake.kernel.ErrorCode;
import com.acme.intake.kernel.ValidationFailed;

/**
 * Field errors of a request → 400 with
 * {@code {"status": 400, "code": "VALIDATION_FAILED", "error": "…", "fieldErrors": [{field, message}]}}.
 */
@Provider
public class ValidationFailedMapper implements ExceptionMapper<ValidationFailed> {

    @Override
    public Response toResponse(ValidationFailed failure) {
        return Response.status(400)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("status", 400, "code", ErrorCode.VALIDATION_FAILED.name(),
                        "error", "the request has " + failure.errors().size() + " problem(s); nothing was stored",
                        "fieldErrors", failure.errors()))
                .build();
    }
}
