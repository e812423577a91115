package com.acme.intake.web;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.acme.intake.kernel.ErrorCode;

/**
 * Everything not mapped more precisely. A body that cannot be read as the expected JSON is a 400;
 * JAX-RS's own errors (404 of an unknown path, 403 of a
 * missing role, 405…) keep their status with a JSON body; anything else is a 500 whose answer
 * carries only a reference to the log entry, never internals.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Exception e) {
        if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            ErrorCode code = status == 403 ? ErrorCode.ROLE_NOT_ALLOWED : Errors.generic(status);
            return Errors.response(status, code, switch (status) {
                case 403 -> "your role does not allow this";
                case 404 -> "no such resource";
                case 405 -> "method not allowed here";
                case 415 -> "send JSON (Content-Type: application/json)";
                default -> web.getResponse().getStatusInfo().getReasonPhrase();
            });
        }
        if (unreadableBody(e)) {
            // The parser's message may quote the input, so it is not echoed.
            return Errors.response(400, ErrorCode.INVALID_JSON, "the body is not valid JSON of the expected shape");
        }
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, reference " + reference, e);
        return Errors.response(500, "internal error; reference " + reference);
    }

    private static boolean unreadableBody(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonException) {
                return true;
            }
        }
        return false;
    }
}
