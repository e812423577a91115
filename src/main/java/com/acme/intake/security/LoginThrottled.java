package com.acme.intake.security;

/**
 * A CDI event: failed logins of one user name or from one address reached the limit, and further
 * attempts are refused for {@code lockoutSeconds}. Fired once per lock, for the audit trail.
 *
 * @param kind      {@code "user name"} or {@code "address"} (the address itself is not carried)
 * @param knownUser the user name when it is a user of the directory; null otherwise, so that a
 *                  forged name never becomes an actor
 */
public record LoginThrottled(String kind, String knownUser, int failures, long lockoutSeconds) {
}
