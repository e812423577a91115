package com.acme.intake.kernel;

import java.util.List;

/** A submitted request has problems; nothing was stored. Answered with 400 and the field errors. */
public class ValidationFailed extends RuntimeException {

    private final List<FieldError> errors;

    public ValidationFailed(List<FieldError> errors) {
        super(errors.size() + " field error(s)", null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
