package com.acme.intake.security;

/**
 * A CDI event: someone gave a user name with a password that does not match. Never carries the
 * password.
 *
 * @param userName  the name as given: attacker-controlled, for counting, never to be shown as an actor
 * @param knownUser the name when it is a user of the directory; null for an unknown name
 */
public record LoginFailed(String userName, String knownUser) {
}
