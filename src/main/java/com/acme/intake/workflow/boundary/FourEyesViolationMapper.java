package com.acme.intake.workflow.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.acme.intake.kernel.ErrorCode;
import com.acme.intake.web.Errors;
import com.acme.intake.workflow.entity.FourEyesViolation;

/** The engine refused a review by someone who may not do it (four-eyes) → 403 with the reason in words. */
@Provider
public class FourEyesViolationMapper implements ExceptionMapper<FourEyesViolation> {

    @Override
    public Response toResponse(FourEyesViolation violation) {
        return Errors.response(403, switch (violation.kind()) {
            case OWN_REQUEST -> ErrorCode.FOUR_EYES_OWN_REQUEST;
            case SAME_PERSON -> ErrorCode.FOUR_EYES_SAME_PERSON;
            case UNKNOWN_REVIEWER -> ErrorCode.FOUR_EYES_UNKNOWN_REVIEWER;
        }, violation.getMessage());
    }
}
