package com.acme.intake.security;

/**
 * A CDI event: someone gave a user name with a password that does not match. Carries the name as
 * given (the audit trail records it), never the password.
 */
public record LoginFailed(String userName) {
}
