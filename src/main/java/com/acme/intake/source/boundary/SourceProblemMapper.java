package com.acme.intake.source.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.acme.intake.source.entity.SourceProblem;
import com.acme.intake.kernel.ErrorCode;
import com.acme.intake.web.Errors;

/**
 * A source that cannot be read → an answer the caller can act on: unknown source or table 404,
 * columns that no longer fit 409, unreachable database 502, unreadable file 400, file too large
 * 413. The message is the problem's own, which never holds values or credentials.
 */
@Provider
public class SourceProblemMapper implements ExceptionMapper<SourceProblem> {

    @Override
    public Response toResponse(SourceProblem problem) {
        return Errors.response(status(problem.kind()), code(problem.kind()), problem.getMessage());
    }

    static int status(SourceProblem.Kind kind) {
        return switch (kind) {
            case UNKNOWN_SOURCE, MISSING_TABLE -> 404;
            case MISSING_COLUMN, TYPE_CHANGED -> 409;
            case UNREACHABLE -> 502;
            case UNREADABLE_FILE -> 400;
            case TOO_LARGE -> 413;
        };
    }

    static ErrorCode code(SourceProblem.Kind kind) {
        return switch (kind) {
            case UNKNOWN_SOURCE -> ErrorCode.SOURCE_UNKNOWN;
            case MISSING_TABLE -> ErrorCode.SOURCE_TABLE_MISSING;
            case MISSING_COLUMN -> ErrorCode.SOURCE_COLUMN_MISSING;
            case TYPE_CHANGED -> ErrorCode.SOURCE_TYPE_CHANGED;
            case UNREACHABLE -> ErrorCode.SOURCE_UNREACHABLE;
            case UNREADABLE_FILE -> ErrorCode.FILE_UNREADABLE;
            case TOO_LARGE -> ErrorCode.FILE_TOO_LARGE;
        };
    }
}
