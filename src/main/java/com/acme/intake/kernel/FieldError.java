package com.acme.intake.kernel;

/**
 * One problem with a submitted request: {@code field} is the path in the request body, such as
 * {@code columns[2].masking}, so a form can show the message beside the field it concerns.
 */
public record FieldError(String field, String message) {
}
